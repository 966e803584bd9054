/**
 * How an lbsim run is stored (docs/campaigns.md "Load-balancing simulator experiments"): each
 * algorithm's metrics, as soon as its worker answers, as an event `lbsim:algorithm` (so that a
 * resumed run skips it), and at the run's end as one `goal` result row per algorithm, named by
 * the algorithm, with the metrics in `extra.lbsim` (the results table knows goal and soak rows
 * only; no schema change). JSON keeps no NaN: an undefined metric is stored as null.
 */
import type { LbsimRun, RunMetrics } from "../lbsim/index.js";
import type { GoalResultInput, JsonValue } from "../store/index.js";

export const LBSIM_EVENT_KIND = "lbsim:algorithm";

/** One algorithm's run as stored (event payload and `extra.lbsim` of its result row). */
export interface StoredLbsimRun {
  readonly scenario: string;
  readonly algorithm: string;
  /** The campaign run's replication (1..n). */
  readonly replication: number;
  /** The simulation seed (derived from the campaign run's seed and the scenario). */
  readonly seed: number;
  readonly wallMs: number | null;
  readonly metrics: Readonly<Record<string, number | null>>;
}

export function toStoredLbsimRun(run: LbsimRun, replication: number): StoredLbsimRun {
  const metrics = Object.fromEntries(Object.entries(run.metrics).map(([key, value]) => [key, Number.isFinite(value) ? value : null]));
  return { scenario: run.scenario, algorithm: run.algorithm, replication, seed: run.seed, wallMs: run.wallMs, metrics };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A stored payload back to a run for summarizeLbsimRuns; undefined when it is not one. */
export function fromStoredLbsimRun(value: JsonValue | unknown): LbsimRun | undefined {
  if (!isRecord(value) || !isRecord(value["metrics"])) return undefined;
  const { scenario, algorithm, replication, seed, wallMs } = value;
  if (typeof scenario !== "string" || typeof algorithm !== "string" || typeof replication !== "number" || typeof seed !== "number") return undefined;
  const metrics = Object.fromEntries(Object.entries(value["metrics"]).map(([key, metric]) => [key, typeof metric === "number" ? metric : Number.NaN])) as unknown as RunMetrics;
  return { scenario, algorithm, replication, seed, wallMs: typeof wallMs === "number" ? wallMs : null, metrics };
}

export function lbsimResult(run: StoredLbsimRun): GoalResultInput {
  return { kind: "goal", goalName: run.algorithm, lossRatio: 0, conditionalThroughputPps: null, relevantLowerBoundPps: null, relevantUpperBoundPps: null, regular: true, extra: { lbsim: run } };
}

/** The lbsim run stored in a result row's extra, if any. */
export function lbsimRunOfResult(extra: JsonValue | null): LbsimRun | undefined {
  return isRecord(extra) ? fromStoredLbsimRun(extra["lbsim"]) : undefined;
}
