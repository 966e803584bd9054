/**
 * One run's metrics, the notebook's summary: latency (ticks) of requests completed after the
 * warm-up plus censored ones (mean, stdev, p50, p90, p99, p99.9); utilization (% of threads busy)
 * over every server on every RUNNING tick (mean, stdev), the mean over servers of each server's
 * utilization stdev, and utilization quantiles divided by the mean. NaN when undefined.
 */
import type { World } from "../model/world.js";
import { meanOf, quantileOfSorted, sortedCopy, stdevOf } from "./descriptive.js";

export const RUN_METRIC_KEYS = [
  "latencyMeanTicks",
  "latencyStdevTicks",
  "latencyP50Ticks",
  "latencyP90Ticks",
  "latencyP99Ticks",
  "latencyP999Ticks",
  "utilizationMeanPct",
  "utilizationStdevPct",
  "utilizationPerServerStdevMeanPct",
  "utilizationRatioP50",
  "utilizationRatioP90",
  "utilizationRatioP99",
  "utilizationRatioP999",
] as const;
export type RunMetricKey = (typeof RUN_METRIC_KEYS)[number];

/** Each metric's column in the notebook's results table. */
export const NOTEBOOK_COLUMNS: Readonly<Record<RunMetricKey, string>> = Object.freeze({
  latencyMeanTicks: "mean_latency",
  latencyStdevTicks: "stdev_latency",
  latencyP50Ticks: "p50.0_latency",
  latencyP90Ticks: "p90.0_latency",
  latencyP99Ticks: "p99.0_latency",
  latencyP999Ticks: "p99.9_latency",
  utilizationMeanPct: "mean_utilization",
  utilizationStdevPct: "stdev_utilization",
  utilizationPerServerStdevMeanPct: "mean_stdev_utilization",
  utilizationRatioP50: "p50.0_utilization_ratio",
  utilizationRatioP90: "p90.0_utilization_ratio",
  utilizationRatioP99: "p99.0_utilization_ratio",
  utilizationRatioP999: "p99.9_utilization_ratio",
});

export interface RunCounts {
  /** Requests that arrived. */
  readonly requestCount: number;
  /** Latency samples: completed after the warm-up (on sampled ticks) plus censored. */
  readonly measuredCount: number;
  /** Requests unfinished when the cool-down limit ran out, counted at their latency so far. */
  readonly censoredCount: number;
  readonly probeCount: number;
  /** Ticks simulated, cool-down included. */
  readonly ticks: number;
}

export type RunMetrics = Readonly<Record<RunMetricKey, number>> & RunCounts;

export interface RunSamples {
  readonly latencyTicks: ArrayLike<number>;
  readonly utilizationPct: ArrayLike<number>;
  /** Each server's utilization sample stdev. */
  readonly perServerStdevPct: ArrayLike<number>;
}

/** The metrics of raw samples (hand-made ones in tests). */
export function summarizeSamples(samples: RunSamples): Readonly<Record<RunMetricKey, number>> {
  const latency = sortedCopy(samples.latencyTicks);
  const utilization = sortedCopy(samples.utilizationPct);
  const utilizationMean = meanOf(utilization);
  const ratio = (q: number) => quantileOfSorted(utilization, q) / utilizationMean;
  return Object.freeze({
    latencyMeanTicks: meanOf(latency),
    latencyStdevTicks: stdevOf(latency),
    latencyP50Ticks: quantileOfSorted(latency, 0.5),
    latencyP90Ticks: quantileOfSorted(latency, 0.9),
    latencyP99Ticks: quantileOfSorted(latency, 0.99),
    latencyP999Ticks: quantileOfSorted(latency, 0.999),
    utilizationMeanPct: utilizationMean,
    utilizationStdevPct: stdevOf(utilization),
    utilizationPerServerStdevMeanPct: meanOf(samples.perServerStdevPct),
    utilizationRatioP50: ratio(0.5),
    utilizationRatioP90: ratio(0.9),
    utilizationRatioP99: ratio(0.99),
    utilizationRatioP999: ratio(0.999),
  });
}

export function computeRunMetrics(world: World): RunMetrics {
  const { recorder } = world;
  const values = summarizeSamples({
    latencyTicks: recorder.latencyTicks.data.subarray(0, recorder.latencyTicks.length),
    utilizationPct: recorder.utilizationPct.data.subarray(0, recorder.utilizationPct.length),
    perServerStdevPct: recorder.perServerStdevPct(),
  });
  return Object.freeze({
    ...values,
    requestCount: recorder.requestCount,
    measuredCount: recorder.latencyTicks.length,
    censoredCount: recorder.censoredCount,
    probeCount: recorder.probeCount,
    ticks: world.tick,
  });
}
