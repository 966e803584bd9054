/**
 * Checks on the store file before SQLite opens it: a missing file (an error when the store must
 * exist), a folder, a file that is not a SQLite database at all. Nothing here writes.
 */
import { closeSync, openSync, readSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { storeError, storeUserError } from "./store-errors.js";

export type StoreFileState = "missing" | "empty" | "database";

const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");
const SQLITE_HEADER_SIZE_BYTES = 100;

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw storeError("STORE_UNREADABLE", `cannot read the store ${file}: ${(error as Error).message}`, { file, cause: error });
  }
}

function readHeader(file: string): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const header = Buffer.alloc(SQLITE_HEADER_SIZE_BYTES);
    const read = readSync(fd, header, 0, header.length, 0);
    return header.subarray(0, read);
  } catch (error) {
    throw storeError("STORE_UNREADABLE", `cannot read the store ${file}: ${(error as Error).message}; check its permissions`, { file, cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What is at `file` now; throws STORE_NOT_FOUND, STORE_UNREADABLE or STORE_CORRUPT. */
export function checkStoreFile(file: string, mustExist: boolean): StoreFileState {
  const stats = statOrNull(file);
  if (stats === null) {
    if (mustExist) {
      throw storeUserError("STORE_NOT_FOUND", `there is no store at ${file}: check the path (--store), or run a campaign first to create it`, { file });
    }
    const folder = path.dirname(file);
    const folderStats = statOrNull(folder);
    if (folderStats === null || !folderStats.isDirectory()) {
      throw storeError("STORE_UNREADABLE", `cannot create the store ${file}: the folder ${folder} does not exist; create it first`, { file });
    }
    return "missing";
  }
  if (!stats.isFile()) {
    throw storeError("STORE_UNREADABLE", `the store ${file} is not a regular file (a folder?); point --store at a file`, { file });
  }
  if (stats.size === 0) return "empty";
  const header = readHeader(file);
  if (header.length < SQLITE_HEADER_SIZE_BYTES || !header.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
    throw storeError("STORE_CORRUPT", `the store ${file} is not a SQLite database (its ${stats.size} bytes do not start with the SQLite header); it was left as it is: point --store at another file or restore it from a copy`, {
      file,
      context: { sizeBytes: stats.size },
    });
  }
  return "database";
}
