/**
 * From runs to what a report shows, per scenario: each algorithm's metrics across replications
 * (n, mean, sample stdev, 95% Student-t interval, min, max), the notebook's scoring table, and a
 * significance-respecting ranking on each scored metric.
 */
import { summarize, type SampleSummary } from "../../analysis/sample-summary.js";
import { rankWithSignificance, type RankedAlgorithm } from "../stats/ranking.js";
import { RUN_METRIC_KEYS, type RunMetricKey, type RunMetrics } from "../stats/run-metrics.js";
import { SCORED_METRICS, scoreAlgorithms, type ScoredMetric, type ScoreRow } from "../stats/scoring.js";

/** One finished run, as the campaign runner returns it (a tidy row: parameters and metrics). */
export interface LbsimRun {
  readonly scenario: string;
  readonly algorithm: string;
  readonly replication: number;
  readonly seed: number;
  readonly metrics: RunMetrics;
  /** Wall time of the run in its worker, when measured. */
  readonly wallMs: number | null;
}

export interface AlgorithmSummary {
  readonly algorithm: string;
  readonly runs: number;
  /** Per metric, over the runs with a finite value. */
  readonly metrics: Readonly<Record<RunMetricKey, SampleSummary>>;
  readonly censoredRequests: number;
}

export interface ScenarioSummary {
  readonly scenario: string;
  readonly algorithms: readonly AlgorithmSummary[];
  readonly scoring: readonly ScoreRow[];
  readonly rankings: Readonly<Record<ScoredMetric, readonly RankedAlgorithm[]>>;
}

const finite = (values: readonly number[]) => values.filter((value) => Number.isFinite(value));

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [item]);
    else group.push(item);
  }
  return groups;
}

function summarizeScenario(scenario: string, runs: readonly LbsimRun[]): ScenarioSummary {
  const byAlgorithm = [...groupBy(runs, (run) => run.algorithm)].map(([algorithm, group]) => ({
    algorithm,
    runs: [...group].sort((a, b) => a.replication - b.replication),
  }));
  const algorithms = byAlgorithm.map(({ algorithm, runs: group }) => ({
    algorithm,
    runs: group.length,
    metrics: Object.freeze(Object.fromEntries(RUN_METRIC_KEYS.map((key) => [key, summarize(finite(group.map((run) => run.metrics[key])))]))) as Record<RunMetricKey, SampleSummary>,
    censoredRequests: group.reduce((sum, run) => sum + run.metrics.censoredCount, 0),
  }));
  const scoring = scoreAlgorithms(
    byAlgorithm.map(({ algorithm, runs: group }) => ({
      algorithm,
      values: Object.fromEntries(SCORED_METRICS.map((metric) => [metric, group.map((run) => run.metrics[metric])])),
    })),
  );
  const rankings = Object.fromEntries(
    SCORED_METRICS.map((metric) => [
      metric,
      rankWithSignificance(byAlgorithm.map(({ algorithm, runs: group }) => ({ algorithm, values: group.map((run) => run.metrics[metric]), seeds: group.map((run) => run.seed) }))),
    ]),
  ) as Record<ScoredMetric, RankedAlgorithm[]>;
  return Object.freeze({ scenario, algorithms, scoring, rankings });
}

/** Summaries per scenario, in the order scenarios first appear in `runs`. */
export function summarizeLbsimRuns(runs: readonly LbsimRun[]): ScenarioSummary[] {
  return [...groupBy(runs, (run) => run.scenario)].map(([scenario, group]) => summarizeScenario(scenario, group));
}
