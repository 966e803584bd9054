/** Reading capture files, with an error that names the file and says what to check. */
import { readFileSync, readdirSync } from "node:fs";
import { ValidationError } from "../../common/errors.js";

export const FAILOVER_RUN_UNREADABLE = "FAILOVER_RUN_UNREADABLE";

function unreadable(file: string, what: string, cause: unknown): ValidationError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ValidationError(FAILOVER_RUN_UNREADABLE, `cannot read ${what} ${file}: ${reason}`, { context: { file }, cause });
}

export function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw unreadable(file, "the capture", error);
  }
}

/** File names in `dir`, sorted; [] when the folder does not exist. */
export function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw unreadable(dir, "the folder", error);
  }
}
