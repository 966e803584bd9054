/**
 * openStore(): options compiled once (raw -> defaults -> validated -> frozen), the file checked and
 * migrated (connection.ts), and in run mode the run lock taken and whatever a dead controller left
 * running marked interrupted, all before the caller gets the Store.
 */
import path from "node:path";
import type { Clock } from "../../common/clock.js";
import { quote } from "../../common/errors.js";
import { systemClock } from "../../common/system-clock.js";
import { interruptRunningCampaigns } from "./campaign-table.js";
import { openConnection, type StoreMode } from "./connection.js";
import { RunLock } from "./run-lock.js";
import { interruptRunningRuns } from "./run-table.js";
import { SCHEMA_VERSION } from "./schema.js";
import { createStoreContext } from "./statements.js";
import { Store } from "./store.js";
import { guarded, storeUserError } from "./store-errors.js";

export interface OpenStoreOptions {
  /** run (default): create or migrate, take the run lock, write. inspect: must exist, read only, no lock. */
  readonly mode?: StoreMode;
  /** Wall time for timestamps and lock heartbeats; default the system clock. */
  readonly clock?: Clock;
  /** Who holds the run lock, shown to a second controller; default "testbench (pid N)". */
  readonly owner?: string;
  /** How long a statement waits for another connection's transaction; default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** A lock from another host whose heartbeat is older than this is taken over; default 60 s. */
  readonly lockStaleAfterS?: number;
  /** How often the holder refreshes its heartbeat; default 10 s. */
  readonly lockHeartbeatIntervalS?: number;
}

interface CompiledOptions {
  readonly mode: StoreMode;
  readonly clock: Clock;
  readonly owner: string;
  readonly busyTimeoutMs: number;
  readonly lockStaleAfterS: number;
  readonly lockHeartbeatIntervalS: number;
}

function compileOptions(file: string, raw: OpenStoreOptions): CompiledOptions {
  const options: CompiledOptions = {
    mode: raw.mode ?? "run",
    clock: raw.clock ?? systemClock,
    owner: raw.owner ?? `testbench (pid ${process.pid})`,
    busyTimeoutMs: raw.busyTimeoutMs ?? 5000,
    lockStaleAfterS: raw.lockStaleAfterS ?? 60,
    lockHeartbeatIntervalS: raw.lockHeartbeatIntervalS ?? 10,
  };
  const bad = (option: string, value: unknown, rule: string) =>
    storeUserError("STORE_OPTION_INVALID", `store option ${option} must be ${rule}; got ${quote(value)}`, { file, context: { option, value: String(value) } });
  if (options.mode !== "run" && options.mode !== "inspect") throw bad("mode", options.mode, '"run" or "inspect"');
  if (!Number.isInteger(options.busyTimeoutMs) || options.busyTimeoutMs < 0 || options.busyTimeoutMs > 0x7fffffff) {
    throw bad("busyTimeoutMs", options.busyTimeoutMs, "a whole number of milliseconds >= 0");
  }
  if (!(options.lockHeartbeatIntervalS > 0) || !Number.isFinite(options.lockHeartbeatIntervalS)) {
    throw bad("lockHeartbeatIntervalS", options.lockHeartbeatIntervalS, "a positive number of seconds");
  }
  if (!(options.lockStaleAfterS >= 2 * options.lockHeartbeatIntervalS) || !Number.isFinite(options.lockStaleAfterS)) {
    throw bad("lockStaleAfterS", options.lockStaleAfterS, `at least twice the heartbeat interval (${options.lockHeartbeatIntervalS} s)`);
  }
  return Object.freeze(options);
}

/** Open the store at `file` (relative paths resolve against the working directory). */
export function openStore(file: string, rawOptions: OpenStoreOptions = {}): Store {
  const absolute = path.resolve(file);
  const options = compileOptions(absolute, rawOptions);
  const db = openConnection(absolute, { mode: options.mode, busyTimeoutMs: options.busyTimeoutMs });
  const ctx = createStoreContext(db, absolute);
  let lock: RunLock | null = null;
  try {
    if (options.mode === "inspect") {
      return new Store(ctx, options.mode, options.clock, null, { schemaVersion: SCHEMA_VERSION, recoveredLock: null, interruptedCampaignIds: [], interruptedRunIds: [] });
    }
    lock = RunLock.acquire(db, absolute, {
      clock: options.clock,
      owner: options.owner,
      staleAfterS: options.lockStaleAfterS,
      heartbeatIntervalS: options.lockHeartbeatIntervalS,
    });
    // This process holds the lock now: anything still marked running was left by a dead controller.
    const nowMs = options.clock.wallMs();
    const interrupted = guarded(absolute, "mark what a stopped controller left running as interrupted", () =>
      db.transaction(() => ({ campaigns: interruptRunningCampaigns(ctx, nowMs), runs: interruptRunningRuns(ctx) })).immediate(),
    );
    return new Store(ctx, options.mode, options.clock, lock, {
      schemaVersion: SCHEMA_VERSION,
      recoveredLock: lock.recoveredFrom,
      interruptedCampaignIds: Object.freeze(interrupted.campaigns),
      interruptedRunIds: Object.freeze(interrupted.runs),
    });
  } catch (error) {
    try {
      lock?.release();
    } finally {
      db.close();
    }
    throw error;
  }
}
