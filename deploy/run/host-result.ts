/** What happened on one host: the row of the result table. */
import type { TestbenchError } from "../../common/errors.js";

export type HostOutcome =
  /** deploy */
  | "installed"
  | "updated"
  | "unchanged"
  | "started"
  | "planned"
  | "rolled-back"
  | "failed"
  /** status / stop */
  | "running"
  | "not-running"
  | "stopped";

export interface HostResult {
  readonly host: string;
  readonly outcome: HostOutcome;
  /** The release `current` points at afterwards (as far as known). */
  readonly release: string | undefined;
  /** What it pointed at before (deploy) or the software version answering (status). */
  readonly previous: string | undefined;
  /** One line for the table. */
  readonly detail: string;
  /** Lines shown under the row: the plan (dry run), what was done, or the log (logs). */
  readonly lines: readonly string[];
  readonly error: TestbenchError | undefined;
  readonly durationS: number;
}

export function isFailure(result: HostResult): boolean {
  return result.outcome === "failed" || result.outcome === "rolled-back" || result.error !== undefined;
}
