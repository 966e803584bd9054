/**
 * The two shapes the CLI prints a PLRsearch in: one line per trial for a person watching, and
 * the documented --json object.
 */
import type { PlrResult, PlrTrialRecord } from "./result.js";

export interface PlrJson {
  readonly avgPps: number;
  readonly stdevPps: number;
  readonly lowerPps: number;
  readonly upperPps: number;
  /** Number of trials measured. */
  readonly trials: number;
  readonly trialSecondsSum: number;
  readonly samplesPerSecond: number | null;
}

export function plrResultJson(result: PlrResult): PlrJson {
  const { avgPps, stdevPps, lowerPps, upperPps, trialCount, trialSecondsSum, samplesPerSecond } = result;
  return { avgPps, stdevPps, lowerPps, upperPps, trials: trialCount, trialSecondsSum, samplesPerSecond };
}

const pps = (value: number): string => `${Math.round(value).toLocaleString("en-US")} pps`;

/** e.g. "trial 7 (5.7 s): load 9,876,543 pps, loss 1.2e-7 (lossy); avg 9,812,345 pps, stdev 12,345 pps" */
export function formatPlrTrialLine(record: PlrTrialRecord): string {
  const loss = record.lossRatio === 0 ? "0" : record.lossRatio.toExponential(2);
  return (
    `trial ${record.trialNumber} (${Number(record.durationS.toFixed(3))} s): load ${pps(record.loadPps)}, ` +
    `loss ${loss}${record.lossy ? " (lossy)" : ""}; avg ${pps(record.estimate.avgPps)}, stdev ${pps(record.estimate.stdevPps)}`
  );
}
