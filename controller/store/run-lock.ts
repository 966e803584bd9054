/**
 * The exclusive run lock: one row in `locks` says which controller may write campaigns. SQLite's
 * own locking only serialises transactions; it would let two controllers interleave their runs.
 *
 * Taking it: in one IMMEDIATE transaction, read the row; take it when it is free, when its holder
 * on this host is dead (pid gone, zombie, pid reused, host rebooted), or when a holder on another
 * host has not beaten its heartbeat for `staleAfterS`. Otherwise STORE_LOCKED. The holder beats
 * every `heartbeatIntervalS` and checks the row inside every write transaction (STORE_LOCK_LOST
 * when another process took it over).
 */
import { randomUUID } from "node:crypto";
import type { Clock } from "../../common/clock.js";
import { currentProcessIdentity, localLiveness, type Liveness, type ProcessIdentity } from "./process-identity.js";
import type { SqliteDatabase, SqliteStatement } from "./sqlite-driver.js";
import { guarded, storeError } from "./store-errors.js";
import { readLockRow, writeLockRow, type LockHolder } from "./lock-row.js";

export interface RunLockOptions {
  readonly clock: Clock;
  /** Who holds it, for the STORE_LOCKED message of the next one (e.g. "testbench run lab.yaml"). */
  readonly owner: string;
  readonly staleAfterS: number;
  readonly heartbeatIntervalS: number;
}

function judge(holder: LockHolder, self: ProcessIdentity, nowMs: number, staleAfterS: number): Liveness {
  if (holder.hostname === self.hostname) return localLiveness(holder, self);
  return nowMs - holder.heartbeatAtMs > staleAfterS * 1000 ? "dead" : "alive";
}

function lockedError(file: string, holder: LockHolder, self: ProcessIdentity, nowMs: number, staleAfterS: number): Error {
  const since = new Date(holder.acquiredAtMs).toISOString();
  const who = `pid ${holder.pid} on ${holder.hostname} (${holder.owner}) since ${since}`;
  const takeOver =
    holder.hostname === self.hostname
      ? "the lock of a process that no longer runs is taken over automatically"
      : `a lock from another host is taken over once its heartbeat is ${staleAfterS} s old; it is ${Math.round((nowMs - holder.heartbeatAtMs) / 1000)} s old`;
  const what =
    holder.pid === self.pid && holder.hostname === self.hostname
      ? `this process already has the store ${file} open for a run (${holder.owner}); close that store first`
      : `the store ${file} is in use by another running controller: ${who}; wait for it to finish or stop it (${takeOver})`;
  return storeError("STORE_LOCKED", what, {
    file,
    context: { pid: holder.pid, host: holder.hostname, owner: holder.owner, acquiredAtMs: holder.acquiredAtMs },
  });
}

export class RunLock {
  private readonly token = randomUUID();
  private readonly checkRow: SqliteStatement;
  private timer: NodeJS.Timeout | undefined;
  /** The dead or stale holder this lock was taken over from, if any. */
  readonly recoveredFrom: LockHolder | null;

  private constructor(
    private readonly db: SqliteDatabase,
    private readonly file: string,
    private readonly options: RunLockOptions,
  ) {
    const self = currentProcessIdentity();
    this.checkRow = db.prepare("SELECT token FROM locks WHERE id = 1");
    this.recoveredFrom = guarded(file, "take the run lock", () =>
      db
        .transaction(() => {
          const nowMs = options.clock.wallMs();
          const holder = readLockRow(db, file);
          if (holder !== null && judge(holder, self, nowMs, options.staleAfterS) === "alive") throw lockedError(file, holder, self, nowMs, options.staleAfterS);
          writeLockRow(db, { ...self, token: this.token, owner: options.owner, acquiredAtMs: nowMs, heartbeatAtMs: nowMs });
          return holder;
        })
        .immediate(),
    );
    this.startHeartbeat();
  }

  static acquire(db: SqliteDatabase, file: string, options: RunLockOptions): RunLock {
    return new RunLock(db, file, options);
  }

  /** Throws STORE_LOCK_LOST unless this process still holds the lock (call inside a write transaction). */
  assertHeld(): void {
    const row = this.checkRow.get() as { token: string } | undefined;
    if (row?.token === this.token) return;
    const holder = readLockRow(this.db, this.file);
    const by = holder === null ? "nobody holds it now" : `pid ${holder.pid} on ${holder.hostname} (${holder.owner}) holds it now`;
    throw storeError("STORE_LOCK_LOST", `this controller lost the run lock of ${this.file} (${by}); stop this run: another controller took the store over`, {
      file: this.file,
      context: { pid: holder?.pid, host: holder?.hostname },
    });
  }

  /** Stop the heartbeat and free the row (if it is still ours). */
  release(): void {
    this.stopHeartbeat();
    guarded(this.file, "release the run lock", () => {
      this.db.prepare("DELETE FROM locks WHERE id = 1 AND token = ?").run(this.token);
    });
  }

  private startHeartbeat(): void {
    const beat = this.db.prepare("UPDATE locks SET heartbeat_at_ms = ? WHERE id = 1 AND token = ?");
    this.timer = setInterval(() => {
      try {
        if (beat.run(this.options.clock.wallMs(), this.token).changes === 0) this.stopHeartbeat();
      } catch {
        // A busy store misses one beat; the next one (or the next write's assertHeld) tells.
      }
    }, this.options.heartbeatIntervalS * 1000);
    this.timer.unref();
  }

  private stopHeartbeat(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
