/**
 * Results across replications: per experiment group a table (n, mean, stdev, 95% Student t
 * interval, min, max per goal) with sweep variants in order of their swept value, and for sweeps
 * a chart of the metric against the swept value.
 */
import type { SampleSummary } from "../../analysis/index.js";
import { formatExactPps, formatPps } from "../format.js";
import type { ExperimentGroup, ExperimentSummary, MetricRow } from "../experiment-summary.js";
import { experimentAnchor, type CampaignCharts } from "../report-charts.js";
import { figure, h, table, type Cell, type CellInput } from "./html.js";

function ppsCell(value: number | null): Cell {
  return value === null ? { text: "-", numeric: true } : { text: formatPps(value), numeric: true, title: formatExactPps(value) };
}

function intervalCell(summary: SampleSummary): Cell {
  const interval = summary.interval;
  if (interval === null) return { text: "-", numeric: true, title: "an interval needs at least 2 values" };
  return { text: `${formatPps(interval.low)} … ${formatPps(interval.high)}`, numeric: true, title: `mean ± ${formatExactPps(interval.halfWidth)} (Student t, ${summary.n - 1} degrees of freedom)` };
}

function summaryCells(row: MetricRow, runs: number, withMetric: boolean): CellInput[] {
  const { summary } = row;
  const excluded = runs - summary.n;
  const nTitle = excluded === 0 ? "every run counted" : `${excluded} of ${runs} runs have no value (not succeeded, or no conditional throughput)`;
  return [
    row.goalName,
    ...(withMetric ? [row.metric] : []),
    { text: String(runs), numeric: true },
    { text: String(summary.n), numeric: true, title: nTitle },
    ppsCell(summary.mean),
    ppsCell(summary.stdev),
    intervalCell(summary),
    ppsCell(summary.min),
    ppsCell(summary.max),
  ];
}

function experimentLink(experiment: ExperimentSummary, text: string, numeric: boolean): Cell {
  return { text, numeric, html: `<a href="#${experimentAnchor(experiment.experimentKey)}">${h(text)}</a>`, title: experiment.experimentKey };
}

function experimentRows(experiment: ExperimentSummary, swept: boolean, withMetric: boolean): CellInput[][] {
  const value = experiment.sweep?.value;
  const lead: CellInput[] = swept ? [experimentLink(experiment, String(value ?? "-"), typeof value === "number")] : [];
  if (experiment.rows.length === 0) {
    const blanks = Array.from({ length: 6 }, () => ({ text: "-", numeric: true }));
    return [[...lead, "(no results)", ...(withMetric ? ["-"] : []), { text: String(experiment.runs.length), numeric: true }, { text: "0", numeric: true }, ...blanks]];
  }
  return experiment.rows.map((row) => [...lead, ...summaryCells(row, experiment.runs.length, withMetric)]);
}

const STAT_HEADERS = ["runs", "n", "mean", "stdev", "95% interval (t)", "min", "max"];

function groupBlock(group: ExperimentGroup, charts: CampaignCharts): string {
  const swept = group.parameter !== null;
  const metrics = [...new Set(group.experiments.flatMap((experiment) => experiment.rows.map((row) => row.metric)))];
  const withMetric = metrics.length > 1;
  const headers = [...(swept ? [group.parameter ?? ""] : []), "goal", ...(withMetric ? ["metric"] : []), ...STAT_HEADERS];
  const rows = group.experiments.flatMap((experiment) => experimentRows(experiment, swept, withMetric));
  const only = group.experiments[0];
  const heading = swept || only === undefined ? `${h(group.name)} <span class="muted">swept over ${h(group.parameter ?? "")}</span>` : experimentLink(only, group.name, false).html;
  const caption = metrics.length === 1 ? `${metrics[0]} across replications` : "across replications";
  const figures = (charts.byGroup.get(group) ?? []).map(figure).join("");
  return `<h3>${heading}</h3>${table(headers, rows, { className: "summary", caption })}${figures}`;
}

export function summarySection(groups: readonly ExperimentGroup[], charts: CampaignCharts): string {
  const intro =
    '<p class="note">Per experiment and goal, over the replications that succeeded: the conditional throughput (throughput runs) or the ' +
    "final soak average (soak runs). The interval is the 95% Student t confidence interval of the mean; it needs at least two values. " +
    "Hover a number for its exact value.</p>";
  const blocks = groups.map((group) => groupBlock(group, charts)).join("");
  return `<section id="summary"><h2>Results across replications</h2>${intro}${groups.length === 0 ? '<p class="note">The campaign has no runs.</p>' : blocks}</section>`;
}
