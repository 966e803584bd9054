/**
 * The trial results the integrator weighs, as flat typed arrays: what a worker thread receives
 * (structured-clone friendly) and what the likelihood loop reads without touching objects.
 */
import type { TrialResult } from "../measurer.js";
import { lossRatio } from "../measurer.js";

export interface TrialTable {
  readonly count: number;
  /** Intended load of each trial [pps]. */
  readonly loadPps: Float64Array;
  /** log(offeredCount / loadPps): converts a loss rate [1/s] into an expected loss count of the trial. */
  readonly logOfferedPerLoad: Float64Array;
  /** PLRsearch's loss count of each trial (plrLossCount). */
  readonly lossCount: Float64Array;
}

/**
 * CSIT's loss count for PLRsearch: the loss ratio (unsent packets count as lost) applied to the
 * intended count, rounded up unless the fraction is below 0.1, never above the intended count.
 */
export function plrLossCount(result: TrialResult): number {
  return Math.min(result.intendedCount, Math.floor(result.intendedCount * lossRatio(result) + 0.9));
}

/**
 * Pack trial results. A trial that offered nothing is left out: the model scales the expected
 * loss by the packets sent, so it says nothing about such a trial (CSIT's log(0) would fail).
 */
export function buildTrialTable(results: readonly TrialResult[]): TrialTable {
  const usable = results.filter((result) => result.offeredCount > 0 && result.loadPps > 0);
  const count = usable.length;
  const loadPps = new Float64Array(count);
  const logOfferedPerLoad = new Float64Array(count);
  const lossCount = new Float64Array(count);
  usable.forEach((result, index) => {
    loadPps[index] = result.loadPps;
    logOfferedPerLoad[index] = Math.log(result.offeredCount / result.loadPps);
    lossCount[index] = plrLossCount(result);
  });
  return { count, loadPps, logOfferedPerLoad, lossCount };
}
