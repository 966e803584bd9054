/** Temporary store files for tests: a fresh folder per test, removed afterwards. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { VirtualClock } from "../../../../../common/clock.js";
import { makeTrialResult, type TrialResult } from "../../../../../controller/search/measurer.js";
import { openSqliteFile, type SqliteDatabase } from "../../../../../controller/store/sqlite-driver.js";
import type { NewRun } from "../../../../../controller/store/records.js";

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A new empty folder, removed after the test. */
export function tempFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "testbench-store-"));
  folders.push(folder);
  return folder;
}

/** A path for a store file that does not exist yet. */
export function tempStorePath(name = "lab.sqlite"): string {
  return path.join(tempFolder(), name);
}

/** A clock at a fixed, recognisable wall time (2026-01-01T00:00:00Z). */
export function fixedClock(): VirtualClock {
  return new VirtualClock(0, Date.UTC(2026, 0, 1));
}

/** Open the file with plain better-sqlite3, for looking behind the store's back. */
export function rawDatabase(file: string, options: { readonly create?: boolean } = {}): SqliteDatabase {
  return openSqliteFile(file, { fileMustExist: options.create !== true });
}

export function fileBytes(file: string): Buffer {
  return readFileSync(file);
}

export function throughputRun(experimentKey: string, replication: number): NewRun {
  return { experimentKey, replication, seed: 1000 + replication, kind: "throughput", parameters: { device: { kind: "hard", mrrPps: 1e7 }, preset: "csit-ndrpdr" } };
}

/** A trial result with every field distinct, derived from `index`. */
export function sampleResult(index: number): TrialResult {
  const loadPps = 1e6 * index + 0.25;
  const offeredCount = 1_000_000 * index + 7;
  return makeTrialResult({
    durationS: 1 + index / 8,
    loadPps,
    intendedCount: offeredCount + 3,
    offeredCount,
    lostCount: index % 5,
    offeredDurationS: 1 + index / 8 - 1e-6,
    durationWithOverheadsS: 1.5 + index / 8,
  });
}
