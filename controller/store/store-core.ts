/**
 * What every Store call goes through: reads map SQLite errors to store errors naming the file;
 * writes are one IMMEDIATE transaction each that first checks this process still holds the
 * run lock; a store opened for inspection refuses writes; a closed store refuses everything.
 */
import type { Clock } from "../../common/clock.js";
import type { StoreMode } from "./connection.js";
import type { LockHolder } from "./lock-row.js";
import type { RunLock } from "./run-lock.js";
import type { SqliteTransaction } from "./sqlite-driver.js";
import type { StoreContext } from "./statements.js";
import { guarded, storeError } from "./store-errors.js";

/** What opening the store found and repaired. */
export interface StoreOpening {
  readonly schemaVersion: number;
  /** The dead controller whose run lock this store took over, if any. */
  readonly recoveredLock: LockHolder | null;
  /** Campaigns and runs that dead controller left running, now marked interrupted. */
  readonly interruptedCampaignIds: readonly number[];
  readonly interruptedRunIds: readonly number[];
}

export class StoreCore {
  private closed = false;
  private readonly transaction: SqliteTransaction<[() => unknown], unknown>;

  constructor(
    protected readonly ctx: StoreContext,
    readonly mode: StoreMode,
    protected readonly clock: Clock,
    private readonly lock: RunLock | null,
    readonly opening: StoreOpening,
  ) {
    this.transaction = ctx.db.transaction((body: () => unknown) => {
      lock?.assertHeld();
      return body();
    });
  }

  /** Absolute path of the store file. */
  get file(): string {
    return this.ctx.file;
  }

  /** Release the run lock and close the file (checkpointing the WAL). Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.lock?.release();
    } finally {
      guarded(this.file, "close the store", () => this.ctx.db.close());
    }
  }

  protected read<T>(operation: string, body: () => T): T {
    this.assertOpen(operation);
    return guarded(this.file, operation, body);
  }

  protected write<T>(operation: string, body: () => T): T {
    this.assertOpen(operation);
    if (this.lock === null) {
      throw storeError("STORE_READ_ONLY", `cannot ${operation}: the store ${this.file} was opened for reading (inspect mode); open it in run mode to write`, {
        file: this.file,
        context: { operation },
      });
    }
    return guarded(this.file, operation, () => this.transaction.immediate(body) as T);
  }

  private assertOpen(operation: string): void {
    if (this.closed) throw storeError("STORE_CLOSED", `cannot ${operation}: the store ${this.file} is closed`, { file: this.file, context: { operation } });
  }
}
