/**
 * What every table module works with: the connection, the file (for error messages) and a cache
 * of prepared statements, each prepared once per connection and returning integers as bigint.
 */
import type { SqliteDatabase, SqliteStatement } from "./sqlite-driver.js";

export interface StoreContext {
  readonly db: SqliteDatabase;
  /** Absolute path of the store file. */
  readonly file: string;
  /** The prepared statement for `sql` (cached; integers read back as bigint). */
  statement(sql: string): SqliteStatement;
}

export function createStoreContext(db: SqliteDatabase, file: string): StoreContext {
  const cache = new Map<string, SqliteStatement>();
  return Object.freeze({
    db,
    file,
    statement(sql: string): SqliteStatement {
      let prepared = cache.get(sql);
      if (prepared === undefined) {
        prepared = db.prepare(sql).safeIntegers(true);
        cache.set(sql, prepared);
      }
      return prepared;
    },
  });
}
