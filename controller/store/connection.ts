/**
 * Opening the store file: check it (missing, not a database, foreign, newer schema, damaged)
 * while nothing has been written, then set WAL, foreign keys, full sync and the busy timeout,
 * and migrate. A file that fails a check is closed untouched.
 */
import { checkStoreFile } from "./file-check.js";
import { migrateStore } from "./migrate.js";
import { checkSchema } from "./schema-check.js";
import { SCHEMA_VERSION } from "./schema.js";
import { openSqliteFile, type SqliteDatabase } from "./sqlite-driver.js";
import { guarded, storeError } from "./store-errors.js";

/** run: create or migrate, take the run lock, write. inspect: the store must exist; reads only. */
export type StoreMode = "run" | "inspect";

export interface ConnectionOptions {
  readonly mode: StoreMode;
  readonly busyTimeoutMs: number;
}

function setPragmas(db: SqliteDatabase, file: string): void {
  guarded(file, "set up the store connection", () => {
    const journalMode = db.pragma("journal_mode = WAL", { simple: true });
    if (journalMode !== "wal") {
      throw storeError("STORE_IO", `the store ${file} cannot use write-ahead logging (journal mode stayed ${String(journalMode)}); put it on a local file system`, {
        file,
        context: { journalMode: String(journalMode) },
      });
    }
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = FULL");
  });
}

/** An open, checked, migrated connection to the store at `file` (an absolute path). */
export function openConnection(file: string, options: ConnectionOptions): SqliteDatabase {
  const state = checkStoreFile(file, options.mode === "inspect");
  const db = guarded(file, "open the store", () =>
    openSqliteFile(file, { fileMustExist: state !== "missing", timeout: options.busyTimeoutMs }),
  );
  try {
    const version = state === "database" ? checkSchema(db, file) : 0;
    setPragmas(db, file);
    if (version < SCHEMA_VERSION) migrateStore(db, file);
    if (options.mode === "inspect") guarded(file, "open the store for reading", () => db.pragma("query_only = ON"));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
