/**
 * The notebook's 1-5 scoring table. For each scored metric, an algorithm's "reasonably bad run" is
 * mean + stdev over its runs (stdev 0 for a single run); the algorithms are cut into quintiles of
 * that value (pandas qcut: quantile edges by linear interpolation, right-closed bins, the lowest
 * value in the first) and the lowest fifth scores 5 ("very good"), the highest 1 ("very bad").
 * Equal edges make empty bins rather than an error (pandas would raise). The total is the sum;
 * rows sort by total, then name. Note: it compares point estimates only (see ranking.ts).
 */
import { meanOf, quantileOfSorted, sortedCopy, stdevOf } from "./descriptive.js";
import type { RunMetricKey } from "./run-metrics.js";

export const SCORED_METRICS = [
  "latencyMeanTicks",
  "latencyStdevTicks",
  "latencyP99Ticks",
  "utilizationPerServerStdevMeanPct",
  "utilizationStdevPct",
] as const satisfies readonly RunMetricKey[];
export type ScoredMetric = (typeof SCORED_METRICS)[number];

export const SCORE_LABELS: Readonly<Record<number, string>> = Object.freeze({ 1: "very bad", 2: "bad", 3: "ok", 4: "good", 5: "very good" });

export interface ScoreRow {
  readonly algorithm: string;
  readonly reasonablyBad: Readonly<Record<ScoredMetric, number>>;
  readonly scores: Readonly<Record<ScoredMetric, number>>;
  readonly total: number;
}

export interface AlgorithmRuns {
  readonly algorithm: string;
  /** Per metric, one value per run (non-finite values are left out). */
  readonly values: Readonly<Partial<Record<RunMetricKey, readonly number[]>>>;
}

/** Mean + sample stdev (stdev 0 below 2 values); NaN without values. */
export function reasonablyBadRun(values: readonly number[]): number {
  const finite = values.filter((value) => Number.isFinite(value));
  const stdev = stdevOf(finite);
  return meanOf(finite) + (Number.isNaN(stdev) ? 0 : stdev);
}

/** pandas.qcut(values, 5, labels=[5, 4, 3, 2, 1]): 5 for the lowest fifth. NaN values score NaN. */
export function quintileScores(values: readonly number[]): number[] {
  const sorted = sortedCopy(values.filter((value) => !Number.isNaN(value)));
  const edges = [0.2, 0.4, 0.6, 0.8].map((q) => quantileOfSorted(sorted, q));
  return values.map((value) => {
    if (Number.isNaN(value)) return Number.NaN;
    let bin = 0;
    while (bin < edges.length && value > (edges[bin] as number)) bin += 1;
    return 5 - bin;
  });
}

export function scoreAlgorithms(algorithms: readonly AlgorithmRuns[]): ScoreRow[] {
  const bad = algorithms.map((entry) => Object.fromEntries(SCORED_METRICS.map((metric) => [metric, reasonablyBadRun(entry.values[metric] ?? [])])) as Record<ScoredMetric, number>);
  const scores = algorithms.map(() => ({}) as Record<ScoredMetric, number>);
  for (const metric of SCORED_METRICS) {
    const column = quintileScores(bad.map((row) => row[metric]));
    column.forEach((score, index) => ((scores[index] as Record<ScoredMetric, number>)[metric] = score));
  }
  const rows = algorithms.map((entry, index) => {
    const rowScores = scores[index] as Record<ScoredMetric, number>;
    const total = SCORED_METRICS.reduce((sum, metric) => sum + (Number.isNaN(rowScores[metric]) ? 0 : rowScores[metric]), 0);
    return Object.freeze({ algorithm: entry.algorithm, reasonablyBad: Object.freeze(bad[index] as Record<ScoredMetric, number>), scores: Object.freeze(rowScores), total });
  });
  return rows.sort((x, y) => y.total - x.total || x.algorithm.localeCompare(y.algorithm));
}
