/**
 * Every chart of a campaign report, built once: the HTML inlines them and the writer saves each
 * as an .svg file under its id. Ids are unique, safe as HTML ids and as file names.
 */
import { boundsChart, type BoundsRow } from "./charts/bounds-chart.js";
import { lossLoadChart } from "./charts/loss-load-chart.js";
import { powerLoadChart } from "./charts/power-load-chart.js";
import { soakChart } from "./charts/soak-chart.js";
import { sweepChart, type SweepSeries } from "./charts/sweep-chart.js";
import { trialSequenceChart } from "./charts/trial-sequence-chart.js";
import type { ExperimentGroup, ExperimentSummary, MetricName } from "./experiment-summary.js";
import type { ReportRun } from "./model.js";
import { powerDevices } from "./trial-power.js";

export interface ReportChart {
  /** e.g. "run-12-trials"; the .svg file is named after it. */
  readonly id: string;
  readonly title: string;
  readonly svg: string;
}

export interface CampaignCharts {
  readonly byGroup: ReadonlyMap<ExperimentGroup, readonly ReportChart[]>;
  readonly byExperiment: ReadonlyMap<ExperimentSummary, readonly ReportChart[]>;
  readonly byRun: ReadonlyMap<number, readonly ReportChart[]>;
  /** In page order. */
  readonly all: readonly ReportChart[];
}

/** Lower-case letters, digits and dashes, at most 48 characters. */
export function slug(text: string): string {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48).replace(/-+$/, "");
  return cleaned === "" ? "x" : cleaned;
}

/** An HTML id for an experiment: its key with every character outside [A-Za-z0-9-] spelled as _hex_ (one to one). */
export function experimentAnchor(experimentKey: string): string {
  return `experiment-${experimentKey.replace(/[^A-Za-z0-9-]/g, (character) => `_${(character.codePointAt(0) ?? 0).toString(16)}_`)}`;
}

export function runLabel(run: ReportRun): string {
  return `${run.experimentKey} #${run.replication}`;
}

/** Per device with trial power: mean W against load. */
function powerCharts(run: ReportRun, label: string): ReportChart[] {
  return powerDevices(run.trials).map((device, index) => {
    const id = `run-${run.id}-power-${index + 1}-${slug(device)}`;
    const title = `${label}: ${device} power against load`;
    return { id, title, svg: powerLoadChart({ id, title, device, trials: run.trials }) };
  });
}

export function runCharts(run: ReportRun): ReportChart[] {
  if (run.trials.length === 0) return [];
  const label = runLabel(run);
  if (run.kind === "soak") {
    const title = `${label}: soak estimate ± stdev over trials`;
    return [{ id: `run-${run.id}-soak`, title, svg: soakChart({ id: `run-${run.id}-soak`, title, trials: run.trials, estimates: run.soakEstimates, soaks: run.soaks }) }, ...powerCharts(run, label)];
  }
  const sequenceTitle = `${label}: trial sequence`;
  const lossTitle = `${label}: loss ratio against load`;
  return [
    { id: `run-${run.id}-trials`, title: sequenceTitle, svg: trialSequenceChart({ id: `run-${run.id}-trials`, title: sequenceTitle, trials: run.trials, goals: run.goals }) },
    { id: `run-${run.id}-loss`, title: lossTitle, svg: lossLoadChart({ id: `run-${run.id}-loss`, title: lossTitle, trials: run.trials, goals: run.goals }) },
    ...powerCharts(run, label),
  ];
}

function experimentCharts(experiment: ExperimentSummary, position: number): ReportChart[] {
  if (experiment.kind !== "throughput" || experiment.runs.every((run) => run.goals.length === 0)) return [];
  const rows = experiment.runs.flatMap((run): BoundsRow[] =>
    run.goals.length === 0 ? [{ label: `#${run.replication} (${run.status})`, goal: null, goalIndex: 0 }] : run.goals.map((goal, goalIndex) => ({ label: `#${run.replication} ${goal.name}`, goal, goalIndex })),
  );
  const id = `experiment-${position}-${slug(experiment.experimentKey)}-bounds`;
  const title = `${experiment.experimentKey}: relevant bounds and conditional throughput per goal and replication`;
  return [{ id, title, svg: boundsChart({ id, title, rows }) }];
}

function groupCharts(group: ExperimentGroup, position: number): ReportChart[] {
  if (group.parameter === null || group.experiments.length < 2) return [];
  const sweepValues = group.experiments.flatMap((experiment) => (experiment.sweep === null ? [] : [experiment.sweep.value]));
  const metrics: MetricName[] = ["conditional throughput", "soak average"];
  return metrics.flatMap((metric) => {
    const series = new Map<string, SweepSeries & { points: SweepSeries["points"][number][] }>();
    for (const experiment of group.experiments) {
      for (const row of experiment.rows.filter((candidate) => candidate.metric === metric && candidate.summary.n > 0)) {
        const entry = series.get(row.goalName) ?? { name: row.goalName, colorIndex: row.goalIndex, points: [] };
        series.set(row.goalName, entry);
        if (experiment.sweep !== null) entry.points.push({ sweepValue: experiment.sweep.value, valuesPps: row.valuesPps, summary: row.summary });
      }
    }
    if (series.size === 0) return [];
    const id = `sweep-${position}-${slug(group.name)}-${slug(metric)}`;
    const title = `${group.name}: ${metric} against ${group.parameter}`;
    return [{ id, title, svg: sweepChart({ id, title, parameter: group.parameter ?? "", sweepValues, series: [...series.values()], metric }) }];
  });
}

export function campaignCharts(groups: readonly ExperimentGroup[]): CampaignCharts {
  const byGroup = new Map<ExperimentGroup, readonly ReportChart[]>();
  const byExperiment = new Map<ExperimentSummary, readonly ReportChart[]>();
  const byRun = new Map<number, readonly ReportChart[]>();
  const all: ReportChart[] = [];
  groups.forEach((group, index) => {
    const charts = groupCharts(group, index + 1);
    byGroup.set(group, charts);
    all.push(...charts);
  });
  let experimentPosition = 0;
  for (const group of groups) {
    for (const experiment of group.experiments) {
      experimentPosition += 1;
      const charts = experimentCharts(experiment, experimentPosition);
      byExperiment.set(experiment, charts);
      all.push(...charts);
      for (const run of experiment.runs) {
        const ofRun = runCharts(run);
        byRun.set(run.id, ofRun);
        all.push(...ofRun);
      }
    }
  }
  return { byGroup, byExperiment, byRun, all };
}
