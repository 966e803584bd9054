/**
 * Results across replications: per experiment and goal, the conditional throughputs (or soak
 * averages) of its succeeded runs, summarized; experiments of one sweep grouped and ordered by
 * their swept value.
 */
import { summarize, type SampleSummary } from "../analysis/index.js";
import type { RunKind } from "../store/index.js";
import type { ReportRun, SweepPoint } from "./model.js";
import { compareSweepValues } from "./sweep-point.js";

export type MetricName = "conditional throughput" | "soak average";

export interface MetricRow {
  readonly goalName: string;
  /** The goal's position in its search: picks its colour in every chart. */
  readonly goalIndex: number;
  readonly metric: MetricName;
  /** One value per succeeded run that has it, in replication order. */
  readonly valuesPps: readonly number[];
  readonly summary: SampleSummary;
}

export interface ExperimentSummary {
  readonly experimentKey: string;
  readonly experimentName: string;
  readonly sweep: SweepPoint | null;
  readonly kind: RunKind;
  /** Every run of the experiment, in replication order. */
  readonly runs: readonly ReportRun[];
  readonly rows: readonly MetricRow[];
}

export interface ExperimentGroup {
  readonly name: string;
  /** The swept parameter, or null for an experiment without a sweep. */
  readonly parameter: string | null;
  readonly experiments: readonly ExperimentSummary[];
}

interface MetricValue {
  readonly goalName: string;
  readonly goalIndex: number;
  readonly metric: MetricName;
  readonly valuePps: number | null;
}

function metricValues(run: ReportRun): MetricValue[] {
  const goals = run.goals.map((goal, goalIndex) => ({ goalName: goal.name, goalIndex, metric: "conditional throughput" as const, valuePps: goal.conditionalThroughputPps }));
  const soaks = run.soaks.map((soak, index) => ({ goalName: soak.name, goalIndex: run.goals.length + index, metric: "soak average" as const, valuePps: soak.averagePps }));
  return [...goals, ...soaks];
}

function metricRows(runs: readonly ReportRun[]): MetricRow[] {
  const rows = new Map<string, { goalName: string; goalIndex: number; metric: MetricName; valuesPps: number[] }>();
  for (const run of runs) {
    for (const entry of metricValues(run)) {
      const key = `${entry.metric}\u0000${entry.goalName}`;
      const row = rows.get(key) ?? { goalName: entry.goalName, goalIndex: entry.goalIndex, metric: entry.metric, valuesPps: [] };
      rows.set(key, row);
      if (run.status === "succeeded" && entry.valuePps !== null && Number.isFinite(entry.valuePps)) row.valuesPps.push(entry.valuePps);
    }
  }
  return [...rows.values()].map((row) => ({ ...row, summary: summarize(row.valuesPps) }));
}

/** Experiments in the order their first run was added, each with its runs in replication order. */
export function summarizeExperiments(runs: readonly ReportRun[]): ExperimentSummary[] {
  const byKey = new Map<string, ReportRun[]>();
  for (const run of runs) byKey.set(run.experimentKey, [...(byKey.get(run.experimentKey) ?? []), run]);
  return [...byKey.values()].map((experimentRuns) => {
    const ordered = [...experimentRuns].sort((a, b) => a.replication - b.replication);
    const first = ordered[0] as ReportRun;
    return { experimentKey: first.experimentKey, experimentName: first.experimentName, sweep: first.sweep, kind: first.kind, runs: ordered, rows: metricRows(ordered) };
  });
}

/** Sweep variants of one experiment together, ordered by swept value; other experiments alone. */
export function groupExperiments(experiments: readonly ExperimentSummary[]): ExperimentGroup[] {
  const groups = new Map<string, { name: string; parameter: string | null; experiments: ExperimentSummary[] }>();
  for (const experiment of experiments) {
    const key = experiment.sweep === null ? `key\u0000${experiment.experimentKey}` : `sweep\u0000${experiment.experimentName}\u0000${experiment.sweep.parameter}`;
    const group = groups.get(key) ?? { name: experiment.sweep === null ? experiment.experimentKey : experiment.experimentName, parameter: experiment.sweep?.parameter ?? null, experiments: [] };
    groups.set(key, group);
    group.experiments.push(experiment);
  }
  return [...groups.values()].map((group) => ({
    ...group,
    experiments: [...group.experiments].sort((a, b) => (a.sweep === null || b.sweep === null ? 0 : compareSweepValues(a.sweep.value, b.sweep.value))),
  }));
}
