/**
 * The load-balancing simulator's report page: per scenario, the notebook's 1-5 scoring table
 * (sorted by total, with the significance-aware rank of the mean latency) and a box plot per
 * scored metric across replications. One self-contained HTML file, inline SVG, no scripts.
 */
import { SCORED_METRICS, SCORE_LABELS, type LbsimRun, type ScenarioSummary } from "../../lbsim/index.js";
import { escapeXml as h } from "../escape.js";
import { REPORT_CSS } from "../html/styles.js";
import { boxPlotSvg } from "./box-plot.js";
import { formatNumber } from "./format-number.js";

export interface LbsimReportInput {
  readonly title: string;
  readonly generatedAt: string;
  readonly replications: number;
  readonly summaries: readonly ScenarioSummary[];
  readonly runs: readonly LbsimRun[];
}

const metricLabels: Readonly<Record<string, string>> = {
  latencyMeanTicks: "mean latency (ticks)",
  latencyStdevTicks: "latency stdev (ticks)",
  latencyP99Ticks: "p99 latency (ticks)",
  utilizationPerServerStdevMeanPct: "per-server utilization stdev (%)",
  utilizationStdevPct: "utilization stdev (%)",
};

/** The notebook's 1-5 scoring table of one scenario, best total first, with the mean latency's interval and significance-aware rank. */
export function lbsimScoringTable(summary: ScenarioSummary): string {
  const rank = new Map(summary.rankings.latencyMeanTicks.map((entry) => [entry.algorithm, entry]));
  const latency = new Map(summary.algorithms.map((entry) => [entry.algorithm, entry.metrics.latencyMeanTicks]));
  const rows = [...summary.scoring].sort((a, b) => b.total - a.total || a.algorithm.localeCompare(b.algorithm));
  const head = `<tr><th>algorithm</th><th>mean latency (95% t interval)</th><th>latency rank</th>${SCORED_METRICS.map((metric) => `<th>${h(metricLabels[metric] ?? metric)}</th>`).join("")}<th>total</th></tr>`;
  const body = rows
    .map((row) => {
      const mean = latency.get(row.algorithm);
      const interval = mean?.interval ? ` (${formatNumber(mean.interval.low)} .. ${formatNumber(mean.interval.high)})` : "";
      const ranked = rank.get(row.algorithm);
      const rankTitle = ranked ? `significantly worse than: ${ranked.worseThan.join(", ") || "none"}; tied with: ${ranked.tiedWith.join(", ") || "none"}` : "";
      const scores = SCORED_METRICS.map((metric) => {
        const score = row.scores[metric];
        return `<td class="num score-${score}" title="${h(SCORE_LABELS[score] ?? "")}">${score}</td>`;
      }).join("");
      return `<tr><td>${h(row.algorithm)}</td><td class="num">${formatNumber(mean?.mean)}${h(interval)}</td><td class="num" title="${h(rankTitle)}">${ranked?.rank ?? "-"}</td>${scores}<td class="num"><b>${row.total}</b></td></tr>`;
    })
    .join("");
  return `<table class="lbsim-scores">${head}${body}</table>`;
}

/** One scenario's box plots, one per scored metric, algorithms in scoring order; ids start with `idPrefix`. */
export function lbsimBoxPlots(summary: ScenarioSummary, runs: readonly LbsimRun[], idPrefix: string): Array<{ id: string; title: string; svg: string }> {
  const mine = runs.filter((run) => run.scenario === summary.scenario);
  const order = [...summary.scoring].sort((a, b) => b.total - a.total || a.algorithm.localeCompare(b.algorithm)).map((row) => row.algorithm);
  return SCORED_METRICS.map((metric) => {
    const id = `${idPrefix}-${metric}`;
    const title = `${summary.scenario}: ${metricLabels[metric] ?? metric}`;
    const svg = boxPlotSvg({
      id,
      title,
      metricLabel: metricLabels[metric] ?? metric,
      groups: order.map((algorithm) => ({ label: algorithm, values: mine.filter((run) => run.algorithm === algorithm).map((run) => run.metrics[metric]) })),
    });
    return { id, title, svg };
  });
}

/** The paragraph that says how to read the scoring table. */
export function lbsimScoringNote(summary: ScenarioSummary): string {
  return `<p>${summary.algorithms.length} algorithms; scores 1 (${SCORE_LABELS[1]}) to 5 (${SCORE_LABELS[5]}) per metric as in the notebook; the latency rank is 1 + the number of algorithms significantly better (docs/lbsim.md).</p>`;
}

/** CSS of the scoring table's score colours (on top of REPORT_CSS). */
export const LBSIM_CSS = ".lbsim-scores td.score-1{background:#fed7d7}.lbsim-scores td.score-2{background:#feebc8}.lbsim-scores td.score-4{background:#c6f6d5}.lbsim-scores td.score-5{background:#9ae6b4}";

function scenarioSection(summary: ScenarioSummary, runs: readonly LbsimRun[], index: number): string {
  const plots = lbsimBoxPlots(summary, runs, `lbsim-${index}`);
  return `<section><h2>${h(summary.scenario)}</h2>${lbsimScoringNote(summary)}${lbsimScoringTable(summary)}${plots.map((plot) => `<figure class="chart">${plot.svg}</figure>`).join("")}</section>`;
}

export function renderLbsimReport(input: LbsimReportInput): string {
  const sections = input.summaries.map((summary, index) => scenarioSection(summary, input.runs, index)).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>${h(input.title)}</title><style>${REPORT_CSS}${LBSIM_CSS}</style></head><body><main><h1>${h(input.title)}</h1><p>generated ${h(input.generatedAt)}; ${input.replications} replications per algorithm and scenario; ${input.runs.length} runs.</p>${sections}</main></body></html>`;
}
