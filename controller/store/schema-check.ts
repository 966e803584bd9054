/**
 * Is this SQLite file a Testbench store this code can use? Reads only: the application id, the
 * schema version (PRAGMA user_version) and an integrity quick check. Refuses foreign databases,
 * stores from a newer schema and damaged files before anything is written to them.
 */
import type { SqliteDatabase } from "./sqlite-driver.js";
import { guarded, storeError, storeUserError } from "./store-errors.js";
import { SCHEMA_VERSION, STORE_APPLICATION_ID } from "./schema.js";

/** Problems listed in a STORE_CORRUPT message at most. */
const QUICK_CHECK_PROBLEMS_SHOWN = 3;

function userObjects(db: SqliteDatabase): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
  return rows.map((row) => row.name);
}

function quickCheck(db: SqliteDatabase, file: string): void {
  const rows = db.pragma("quick_check") as Array<{ quick_check: string }>;
  const problems = rows.map((row) => row.quick_check).filter((message) => message !== "ok");
  if (problems.length > 0) {
    const shown = problems.slice(0, QUICK_CHECK_PROBLEMS_SHOWN).join("; ");
    throw storeError("STORE_CORRUPT", `the store ${file} is damaged (integrity check: ${shown}${problems.length > QUICK_CHECK_PROBLEMS_SHOWN ? "; ..." : ""}); it was left as it is: restore it from a copy, or point --store at a new file`, {
      file,
      context: { problems: problems.length },
    });
  }
}

/** The schema version of an existing store (0 for an empty database), after the checks. */
export function checkSchema(db: SqliteDatabase, file: string): number {
  return guarded(file, "read the store's schema", () => {
    const applicationId = db.pragma("application_id", { simple: true }) as number;
    const version = db.pragma("user_version", { simple: true }) as number;
    if (applicationId !== STORE_APPLICATION_ID) {
      const objects = userObjects(db);
      if (applicationId !== 0 || version !== 0 || objects.length > 0) {
        const holds = objects.length > 0 ? `it holds ${objects.slice(0, 5).join(", ")}${objects.length > 5 ? ", ..." : ""}` : "it has another application id";
        throw storeUserError("STORE_FOREIGN", `${file} is a SQLite database but not a Testbench store (${holds}); it was left as it is: point --store at another file`, {
          file,
          context: { applicationId, schemaVersion: version },
        });
      }
    }
    if (version > SCHEMA_VERSION) {
      throw storeUserError("STORE_SCHEMA_NEWER", `the store ${file} has schema version ${version}, newer than the ${SCHEMA_VERSION} this Testbench knows; it was left as it is: use a newer Testbench to open it`, {
        file,
        context: { schemaVersion: version, supportedVersion: SCHEMA_VERSION },
      });
    }
    quickCheck(db, file);
    return version;
  });
}
