/**
 * The store's error codes (docs/store.md, docs/errors.md). Every error names the store file;
 * errors raised by SQLite keep it as `cause` and keep its SQLITE_* code in context.
 */
import { TestbenchError, ValidationError, type ErrorContext } from "../../common/errors.js";
import { sqliteCodeOf } from "./sqlite-driver.js";

export type StoreErrorCode =
  | "STORE_NOT_FOUND"
  | "STORE_UNREADABLE"
  | "STORE_CORRUPT"
  | "STORE_FOREIGN"
  | "STORE_SCHEMA_NEWER"
  | "STORE_LOCKED"
  | "STORE_LOCK_LOST"
  | "STORE_BUSY"
  | "STORE_DISK_FULL"
  | "STORE_IO"
  | "STORE_READ_ONLY"
  | "STORE_CLOSED"
  | "STORE_VALUE_INVALID"
  | "STORE_CAMPAIGN_UNKNOWN"
  | "STORE_RUN_UNKNOWN"
  | "STORE_RUN_DUPLICATE"
  | "STORE_RUN_STATE_INVALID"
  | "STORE_TRIAL_INDEX_INVALID"
  | "STORE_RESUME_MISMATCH"
  | "STORE_EXPORT_FORMAT_INVALID"
  | "STORE_OPTION_INVALID";

export interface StoreErrorOptions {
  readonly file: string;
  readonly context?: ErrorContext;
  readonly cause?: unknown;
  readonly retryable?: boolean;
}

/** A store fault (corrupt, locked, I/O, misuse by code). */
export function storeError(code: StoreErrorCode, message: string, options: StoreErrorOptions): TestbenchError {
  return new TestbenchError(code, message, {
    context: { file: options.file, ...options.context },
    cause: options.cause,
    retryable: options.retryable ?? false,
  });
}

/** A store problem the user fixes (a name that is not there, a bad format, a newer store). */
export function storeUserError(code: StoreErrorCode, message: string, options: StoreErrorOptions): ValidationError {
  return new ValidationError(code, message, { context: { file: options.file, ...options.context }, cause: options.cause });
}

/**
 * Map anything thrown while working on the store to a TestbenchError. TestbenchErrors pass
 * through; SQLite's errors get a store code; anything else (a bug) is rethrown as it is.
 */
export function storeErrorFrom(error: unknown, file: string, operation: string): unknown {
  if (error instanceof TestbenchError) return error;
  const sqliteCode = sqliteCodeOf(error);
  if (sqliteCode === undefined) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const options = { file, cause: error, context: { operation, sqliteCode } };
  if (sqliteCode === "SQLITE_NOTADB" || sqliteCode.startsWith("SQLITE_CORRUPT")) {
    return storeError("STORE_CORRUPT", `the store ${file} is damaged (${detail}) while trying to ${operation}; it was left as it is: restore it from a copy, or point --store at a new file`, options);
  }
  if (sqliteCode.startsWith("SQLITE_BUSY") || sqliteCode.startsWith("SQLITE_LOCKED")) {
    return storeError("STORE_BUSY", `the store ${file} stayed busy (${detail}) while trying to ${operation}; another process holds a long transaction on it: try again`, { ...options, retryable: true });
  }
  if (sqliteCode === "SQLITE_FULL") {
    return storeError("STORE_DISK_FULL", `the disk holding the store ${file} is full; could not ${operation}: free some space and run again (stored trials are kept)`, options);
  }
  if (sqliteCode.startsWith("SQLITE_CANTOPEN") || sqliteCode.startsWith("SQLITE_PERM") || sqliteCode.startsWith("SQLITE_AUTH")) {
    return storeError("STORE_UNREADABLE", `cannot open the store ${file} (${detail}) to ${operation}: check that its folder exists and that you may read and write it`, options);
  }
  if (sqliteCode.startsWith("SQLITE_READONLY")) {
    return storeError("STORE_READ_ONLY", `the store ${file} cannot be written (${detail}) while trying to ${operation}: check the file's permissions`, options);
  }
  return storeError("STORE_IO", `the store ${file} failed to ${operation}: ${detail}`, options);
}

/** Run `body`, mapping SQLite's errors to store errors that name the file and the operation. */
export function guarded<T>(file: string, operation: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw storeErrorFrom(error, file, operation);
  }
}
