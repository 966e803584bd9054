/**
 * The table per sweep value (e.g. the controller's poll interval): how many replications
 * recovered, and the spread of recovery time, packets lost (whole run and after the trigger),
 * the worst epoch's loss and TCP retransmits after the trigger. Rows keep the order in which
 * sweep values first appear.
 */
import type { RunAnalysis } from "./analyze-run.js";
import { spreadOf, type Spread } from "./spread.js";

export interface SweepRun {
  /** The swept value as the report names it, e.g. "20 ms". */
  readonly sweepValue: string;
  readonly analysis: RunAnalysis;
}

export interface SweepRow {
  readonly sweepValue: string;
  readonly replications: number;
  /** Replications that got back under the threshold before their data ended. */
  readonly recovered: number;
  /** Over the recovered replications. */
  readonly recoveryS: Spread | null;
  readonly lostPackets: Spread | null;
  readonly lostPacketsAfterTrigger: Spread | null;
  readonly peakLossPercent: Spread | null;
  readonly retransmitsAfterTrigger: Spread | null;
}

/** Replications grouped by sweep value. */
export function groupBySweepValue(runs: readonly SweepRun[]): Map<string, RunAnalysis[]> {
  const groups = new Map<string, RunAnalysis[]>();
  for (const run of runs) groups.set(run.sweepValue, [...(groups.get(run.sweepValue) ?? []), run.analysis]);
  return groups;
}

export function sweepTable(runs: readonly SweepRun[]): SweepRow[] {
  return [...groupBySweepValue(runs).entries()].map(([sweepValue, analyses]) => ({
    sweepValue,
    replications: analyses.length,
    recovered: analyses.filter((analysis) => analysis.recovery.recoveryS !== null).length,
    recoveryS: spreadOf(analyses.map((analysis) => analysis.recovery.recoveryS)),
    lostPackets: spreadOf(analyses.map((analysis) => analysis.totals.lostPackets)),
    lostPacketsAfterTrigger: spreadOf(analyses.map((analysis) => analysis.totals.lostPacketsAfterTrigger)),
    peakLossPercent: spreadOf(analyses.map((analysis) => analysis.recovery.peak?.lossPercent ?? null)),
    retransmitsAfterTrigger: spreadOf(analyses.map((analysis) => analysis.totals.retransmitsAfterTrigger)),
  }));
}
