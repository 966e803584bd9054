/** The `locks` row (there is at most one, id 1): read and written only by the run lock. */
import type { ProcessIdentity } from "./process-identity.js";
import type { SqliteDatabase } from "./sqlite-driver.js";
import { integerColumn, optionalTextColumn, realColumn, textColumn } from "./values.js";

export interface LockHolder extends ProcessIdentity {
  readonly owner: string;
  readonly acquiredAtMs: number;
  readonly heartbeatAtMs: number;
}

export interface LockRow extends LockHolder {
  readonly token: string;
}

export function readLockRow(db: SqliteDatabase, file: string): LockHolder | null {
  const row = db.prepare("SELECT * FROM locks WHERE id = 1").safeIntegers(true).get() as Record<string, unknown> | undefined;
  if (row === undefined) return null;
  return Object.freeze({
    pid: integerColumn(row["pid"], "locks.pid", file),
    hostname: textColumn(row["hostname"], "locks.hostname", file),
    bootId: optionalTextColumn(row["boot_id"], "locks.boot_id", file),
    startTicks: optionalTextColumn(row["start_ticks"], "locks.start_ticks", file),
    owner: textColumn(row["owner"], "locks.owner", file),
    acquiredAtMs: realColumn(row["acquired_at_ms"], "locks.acquired_at_ms", file),
    heartbeatAtMs: realColumn(row["heartbeat_at_ms"], "locks.heartbeat_at_ms", file),
  });
}

export function writeLockRow(db: SqliteDatabase, row: LockRow): void {
  db.prepare(
    `INSERT OR REPLACE INTO locks (id, token, pid, hostname, boot_id, start_ticks, owner, acquired_at_ms, heartbeat_at_ms)
     VALUES (1, @token, @pid, @hostname, @bootId, @startTicks, @owner, @acquiredAtMs, @heartbeatAtMs)`,
  ).run({
    token: row.token,
    pid: BigInt(row.pid),
    hostname: row.hostname,
    bootId: row.bootId,
    startTicks: row.startTicks,
    owner: row.owner,
    acquiredAtMs: row.acquiredAtMs,
    heartbeatAtMs: row.heartbeatAtMs,
  });
}
