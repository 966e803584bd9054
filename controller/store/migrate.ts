/**
 * Forward migrations from any older version (0 = an empty file) to SCHEMA_VERSION, in one
 * IMMEDIATE transaction: a crash mid-migration leaves the old version, and a second process
 * migrating at the same moment waits, then finds the work done.
 */
import type { SqliteDatabase } from "./sqlite-driver.js";
import { guarded } from "./store-errors.js";
import { MIGRATIONS, SCHEMA_VERSION, STORE_APPLICATION_ID } from "./schema.js";

/** Bring the store to SCHEMA_VERSION; returns the version it had (inside the transaction). */
export function migrateStore(db: SqliteDatabase, file: string): number {
  return guarded(file, `migrate the store to schema version ${SCHEMA_VERSION}`, () =>
    db
      .transaction(() => {
        const from = db.pragma("user_version", { simple: true }) as number;
        for (let version = from; version < SCHEMA_VERSION; version++) {
          const migration = MIGRATIONS[version];
          if (migration === undefined) throw new Error(`internal error: no migration from schema version ${version}`);
          db.exec(migration);
        }
        if (from < SCHEMA_VERSION) {
          db.pragma(`user_version = ${SCHEMA_VERSION}`);
          db.pragma(`application_id = ${STORE_APPLICATION_ID}`);
        }
        return from;
      })
      .immediate(),
  );
}
