import { existsSync, mkdirSync, openSync, closeSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openStore, SCHEMA_VERSION } from "../../../../controller/store/index.js";
import { errorOf } from "./support/errors.js";
import { fileBytes, fixedClock, rawDatabase, sampleResult, tempFolder, tempStorePath, throughputRun } from "./support/temp-store.js";

/** A closed store with one campaign, one run and `trials` trials. */
function populatedStore(trials = 3): string {
  const file = tempStorePath();
  const store = openStore(file, { clock: fixedClock() });
  const campaign = store.createCampaign({ name: "c", sourcePath: "/c.yaml", fileHash: "h" }, [throughputRun("exp", 0)]);
  const runId = store.runsOf(campaign.id)[0]?.id ?? -1;
  store.markRunStarted(runId, { testbed: "t" });
  for (let index = 1; index <= trials; index++) store.insertTrial(runId, { index, warmup: false, result: sampleResult(index) });
  store.close();
  expect(existsSync(`${file}-wal`)).toBe(false);
  return file;
}

function expectRefused(file: string, code: string, mode: "run" | "inspect" = "run"): string {
  const before = fileBytes(file);
  const error = errorOf(() => openStore(file, { mode, clock: fixedClock() }));
  expect(error.code).toBe(code);
  expect(error.context["file"]).toBe(file);
  expect(error.message).toContain(file);
  expect(fileBytes(file).equals(before)).toBe(true);
  expect(existsSync(`${file}-wal`)).toBe(false);
  return error.message;
}

describe("opening a store that must not be used", () => {
  it("refuses a store from a newer schema, in both modes, and leaves it byte-identical", () => {
    const file = populatedStore();
    const raw = rawDatabase(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const message = expectRefused(file, "STORE_SCHEMA_NEWER");
    expect(message).toContain(`schema version ${SCHEMA_VERSION + 1}, newer than the ${SCHEMA_VERSION}`);
    expectRefused(file, "STORE_SCHEMA_NEWER", "inspect");
    const error = errorOf(() => openStore(file));
    expect(error.context).toMatchObject({ schemaVersion: SCHEMA_VERSION + 1, supportedVersion: SCHEMA_VERSION });
    expect(error.userError).toBe(true);
  });

  it("refuses a file that is not a database and leaves it byte-identical", () => {
    const file = path.join(tempFolder(), "notes.sqlite");
    writeFileSync(file, "these are lab notes, not a database\n".repeat(200));
    const message = expectRefused(file, "STORE_CORRUPT");
    expect(message).toContain("is not a SQLite database");
    expectRefused(file, "STORE_CORRUPT", "inspect");
  });

  it("refuses a truncated database header", () => {
    const file = path.join(tempFolder(), "short.sqlite");
    writeFileSync(file, Buffer.from("SQLite format 3\0\u0010\u0000", "latin1"));
    expectRefused(file, "STORE_CORRUPT");
  });

  it("refuses a database with a damaged page and leaves it byte-identical", () => {
    const file = populatedStore(40);
    const raw = rawDatabase(file);
    const pageSize = raw.pragma("page_size", { simple: true }) as number;
    const { rootpage: rootPage } = raw.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'trials'").get() as { rootpage: number };
    raw.close();
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(64, 0xee), 0, 64, (rootPage - 1) * pageSize);
    closeSync(fd);
    const message = expectRefused(file, "STORE_CORRUPT");
    expect(message).toContain("is damaged");
    expectRefused(file, "STORE_CORRUPT", "inspect");
  });

  it("refuses a SQLite database of another application", () => {
    const file = tempStorePath("other.db");
    const raw = rawDatabase(file, { create: true });
    raw.exec("CREATE TABLE inventory (id INTEGER PRIMARY KEY, item TEXT)");
    raw.close();
    const message = expectRefused(file, "STORE_FOREIGN");
    expect(message).toContain("not a Testbench store (it holds inventory)");
  });

  it("needs an existing file to inspect, and an existing folder to create one", () => {
    const missing = tempStorePath("absent.sqlite");
    expect(errorOf(() => openStore(missing, { mode: "inspect" })).code).toBe("STORE_NOT_FOUND");
    expect(existsSync(missing)).toBe(false);
    const noFolder = path.join(tempFolder(), "no", "such", "lab.sqlite");
    const error = errorOf(() => openStore(noFolder));
    expect(error.code).toBe("STORE_UNREADABLE");
    expect(error.message).toContain("does not exist");
    const folder = path.join(tempFolder(), "folder.sqlite");
    mkdirSync(folder);
    expect(errorOf(() => openStore(folder)).code).toBe("STORE_UNREADABLE");
  });

  it("turns an empty file into a store", () => {
    const file = tempStorePath();
    writeFileSync(file, "");
    const store = openStore(file, { clock: fixedClock() });
    store.createCampaign({ name: "c", sourcePath: "/c.yaml", fileHash: "h" });
    store.close();
    const again = openStore(file, { mode: "inspect" });
    expect(again.campaigns().map((campaign) => campaign.name)).toEqual(["c"]);
    again.close();
  });

  it("refuses writes to an inspected store, anything on a closed one, and bad options", () => {
    const file = populatedStore();
    const store = openStore(file, { mode: "inspect" });
    expect(store.campaigns()).toHaveLength(1);
    const readOnly = errorOf(() => store.createCampaign({ name: "d", sourcePath: "/d.yaml", fileHash: "h" }));
    expect(readOnly.code).toBe("STORE_READ_ONLY");
    expect(readOnly.message).toContain("inspect mode");
    store.close();
    store.close();
    expect(errorOf(() => store.campaigns()).code).toBe("STORE_CLOSED");
    expect(errorOf(() => openStore(file, { busyTimeoutMs: -1 })).code).toBe("STORE_OPTION_INVALID");
    expect(errorOf(() => openStore(file, { lockHeartbeatIntervalS: 10, lockStaleAfterS: 15 })).code).toBe("STORE_OPTION_INVALID");
    expect(errorOf(() => openStore(file, { mode: "write" as "run" })).message).toContain('mode must be "run" or "inspect"');
  });
});
