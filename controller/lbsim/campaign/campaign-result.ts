/** What a campaign run reports, whether it ran in-process or on worker threads. */
import type { LbsimRun } from "./summarize.js";

export interface LbsimFailure {
  readonly scenario: string;
  readonly algorithm: string;
  readonly replication: number;
  readonly seed: number;
  readonly code: string;
  readonly message: string;
}

export interface LbsimProgress {
  readonly total: number;
  readonly completed: number;
  readonly failed: number;
  /** Tasks the caller said to skip (already stored). */
  readonly skipped: number;
  readonly running: number;
  readonly elapsedMs: number;
  /** Remaining tasks x mean of the last 30 run times / workers; null before the first run. */
  readonly etaMs: number | null;
  /** The run (or failure) that triggered this report. */
  readonly last: { readonly scenario: string; readonly algorithm: string; readonly replication: number } | null;
}

export interface LbsimCampaignResult {
  /** Finished runs, in plan order (replication-major). */
  readonly runs: readonly LbsimRun[];
  readonly failures: readonly LbsimFailure[];
  readonly skipped: number;
  /** done: every task ran or failed; cancelled: the signal aborted, queued tasks did not run. */
  readonly ended: "done" | "cancelled";
  readonly wallMs: number;
}

/** Remaining x mean(last durations) / parallelism (Icarus' ETA); null without durations. */
export function estimateRemainingMs(remaining: number, recentMs: readonly number[], parallelism: number): number | null {
  if (recentMs.length === 0) return null;
  const window = recentMs.slice(-30);
  return (remaining * window.reduce((sum, value) => sum + value, 0)) / window.length / Math.max(1, parallelism);
}
