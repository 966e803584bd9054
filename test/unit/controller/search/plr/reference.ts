/** CSIT PLRsearch reference numbers (fixtures/csit-reference.json, from a one-off run of CSIT's PLRsearch; docs/plrsearch.md). */
import { readFileSync } from "node:fs";
import { makeTrialResult, type TrialResult } from "../../../../../controller/search/measurer.js";

interface ReferenceTrial {
  readonly loadPps: number;
  readonly durationS: number;
  readonly offeredCount: number;
  readonly lostCount: number;
  readonly plrLossCount?: number;
}

export interface CsitReference {
  readonly minLoadPps: number;
  readonly maxLoadPps: number;
  readonly criticalRates: ReadonlyArray<{ fitting: "stretch" | "erf"; target: number; x: [number, number]; mrr: number; spread: number; rate: number }>;
  readonly trials: readonly ReferenceTrial[];
  readonly logWeights: ReadonlyArray<{ fitting: "stretch" | "erf"; mrr: number; spread: number; logWeight: number }>;
  readonly dualTracker: {
    samples: ReadonlyArray<[number, number]>;
    state: {
      logSumWeight: number;
      average: number;
      logVariance: number;
      secondary: { logSumWeight: number; average: number; logVariance: number };
      maxLogWeight: number;
      pessimisticVariance: number;
    };
  };
  readonly focusTracker: {
    samples: ReadonlyArray<[number, number, number]>;
    continueAt: number;
    distances: readonly number[];
    state: { logSumWeight: number; mean: [number, number]; cov: [[number, number], [number, number]] };
  };
  readonly combined: ReadonlyArray<{ stretch: [number, number]; erf: [number, number]; avg: number; stdev: number; stretchPps: number; erfPps: number }>;
  readonly schedule: { capacityPps: number; timeoutS: number; trials: readonly ReferenceTrial[]; avgPps: number; stdevPps: number };
}

export const csit = JSON.parse(readFileSync(new URL("./fixtures/csit-reference.json", import.meta.url), "utf8")) as CsitReference;

export function trialResultOf(trial: ReferenceTrial): TrialResult {
  return makeTrialResult({ durationS: trial.durationS, loadPps: trial.loadPps, offeredCount: trial.offeredCount, lostCount: trial.lostCount });
}

/** |actual - expected| <= relative * |expected| (or absolute when expected is 0). */
export function expectClose(actual: number, expected: number, relative: number): void {
  const tolerance = relative * Math.max(Math.abs(expected), expected === 0 ? 1 : 0);
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(`expected ${actual} to be within ${relative} (relative) of ${expected}; difference ${actual - expected}`);
  }
}
