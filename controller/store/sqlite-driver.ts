/**
 * The one place that loads better-sqlite3, typed by the small surface the store uses.
 * The project carries no @types/better-sqlite3, so the native module is loaded through
 * createRequire and described here; nothing else in the tree imports it.
 */
import { createRequire } from "node:module";

export interface SqliteRunResult {
  readonly changes: number;
  readonly lastInsertRowid: number | bigint;
}

export interface SqliteStatement {
  run(...params: unknown[]): SqliteRunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  /** Integers come back as bigint (exact beyond 2^53) when on. */
  safeIntegers(toggle?: boolean): SqliteStatement;
}

export interface SqliteTransaction<A extends unknown[], R> {
  (...args: A): R;
  immediate(...args: A): R;
  deferred(...args: A): R;
  exclusive(...args: A): R;
}

export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): SqliteDatabase;
  pragma(source: string, options?: { readonly simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(body: (...args: A) => R): SqliteTransaction<A, R>;
  close(): SqliteDatabase;
  readonly open: boolean;
  readonly inTransaction: boolean;
}

export interface SqliteOpenOptions {
  readonly fileMustExist?: boolean;
  readonly readonly?: boolean;
  /** SQLite's busy timeout in milliseconds. */
  readonly timeout?: number;
}

type DatabaseConstructor = new (file: string, options?: SqliteOpenOptions) => SqliteDatabase;

let loaded: DatabaseConstructor | undefined;

/** Open (or create) a database file with better-sqlite3. Throws better-sqlite3's own errors. */
export function openSqliteFile(file: string, options: SqliteOpenOptions): SqliteDatabase {
  if (!loaded) {
    const requireCjs = createRequire(import.meta.url);
    loaded = requireCjs("better-sqlite3") as DatabaseConstructor;
  }
  return new loaded(file, options);
}

/** An error raised by SQLite itself (better-sqlite3's SqliteError): it has a SQLITE_* code. */
export function sqliteCodeOf(error: unknown): string | undefined {
  const code: unknown = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("SQLITE_") ? code : undefined;
}
