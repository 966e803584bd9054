/**
 * A soak search (PLRsearch) over its trials: the load of each trial marked by loss, the estimate
 * after each trial as a line with a ± one standard deviation band, and the final estimate.
 */
import { formatPps, formatSi } from "../format.js";
import type { ReportSoak, ReportTrial, SoakEstimatePoint } from "../model.js";
import { xAxis, yAxis } from "./axes.js";
import { DASH, lineSwatch, type LegendItem } from "./legend.js";
import { layoutWithLegend } from "./layout.js";
import { seriesColor, trialMarker, trialMarkerKind } from "./markers.js";
import { autoScale, linearScale, type Scale } from "./scale.js";
import { element, line, polyline, px, svgDocument, title } from "./svg.js";
import { trialKindLegend, trialTooltip } from "./trial-sequence-chart.js";

export interface SoakChartInput {
  readonly id: string;
  readonly title: string;
  readonly trials: readonly ReportTrial[];
  /** The estimate after each trial; may be empty (then only the final estimate is drawn). */
  readonly estimates: readonly SoakEstimatePoint[];
  readonly soaks: readonly ReportSoak[];
}

const BAND_COLOR = "#56B4E9";
const ESTIMATE_COLOR = "#0072B2";

function lowOf(averagePps: number, stdevPps: number): number {
  return Math.max(0, averagePps - stdevPps);
}

function estimateBand(estimates: readonly SoakEstimatePoint[], x: Scale, y: Scale): string {
  if (estimates.length === 0) return "";
  const upper = estimates.map((point) => `${px(x.map(point.trialNumber))},${px(y.map(point.averagePps + point.stdevPps))}`);
  const lower = [...estimates].reverse().map((point) => `${px(x.map(point.trialNumber))},${px(y.map(lowOf(point.averagePps, point.stdevPps)))}`);
  const band = element("polygon", { points: [...upper, ...lower].join(" "), fill: BAND_COLOR, "fill-opacity": 0.28, stroke: "none" });
  const average = polyline(estimates.map((point) => [x.map(point.trialNumber), y.map(point.averagePps)] as const), { stroke: ESTIMATE_COLOR, "stroke-width": 1.8 });
  const points = estimates.map((point) =>
    element("circle", { cx: x.map(point.trialNumber), cy: y.map(point.averagePps), r: 2.5, fill: ESTIMATE_COLOR, class: "point" }, title(`estimate at trial ${point.trialNumber}: ${formatPps(point.averagePps)} ± ${formatPps(point.stdevPps)}`)),
  );
  return `<g class="estimate">${band}${average}${points.join("")}</g>`;
}

function finalLines(soaks: readonly ReportSoak[], y: Scale, left: number, right: number): string {
  return soaks
    .map((soak, index) => {
      const color = seriesColor(index + 1);
      const tooltip = title(`${soak.name} final estimate (loss ratio target ${soak.lossRatio}): ${formatPps(soak.averagePps)} ± ${formatPps(soak.stdevPps)}`);
      const average = line(left, y.map(soak.averagePps), right, y.map(soak.averagePps), { stroke: color, "stroke-width": 1.5, "stroke-dasharray": DASH.dashed });
      const spread = [soak.averagePps + soak.stdevPps, lowOf(soak.averagePps, soak.stdevPps)].map((value) => line(left, y.map(value), right, y.map(value), { stroke: color, "stroke-width": 1, "stroke-dasharray": DASH.dotted }));
      return element("g", { class: "goal-line" }, average, ...spread, tooltip);
    })
    .join("");
}

function legendOf(input: SoakChartInput): LegendItem[] {
  const items = trialKindLegend(input.trials);
  if (input.estimates.length > 0) {
    items.push({ label: "estimate at each trial", swatch: lineSwatch(ESTIMATE_COLOR, "solid") });
    items.push({ label: "± 1 stdev", swatch: (cx, cy) => element("rect", { x: cx - 9, y: cy - 5, width: 18, height: 10, fill: BAND_COLOR, "fill-opacity": 0.28 }) });
  }
  input.soaks.forEach((soak, index) => items.push({ label: `final ${soak.name}: ${formatPps(soak.averagePps, 4)} ± ${formatPps(soak.stdevPps, 3)}`, swatch: lineSwatch(seriesColor(index + 1), "dashed") }));
  return items;
}

export function soakChart(input: SoakChartInput): string {
  const trials = input.trials.filter((trial) => Number.isFinite(trial.loadPps) && Number.isFinite(trial.lossRatio));
  const { frame, area, legendSvg } = layoutWithLegend(legendOf({ ...input, trials }));
  const lastTrial = Math.max(1, trials.length, ...input.estimates.map((point) => point.trialNumber));
  const x = linearScale(1, lastTrial, [area.leftPx, area.rightPx], 8, true);
  const loads = [
    ...trials.map((trial) => trial.loadPps),
    ...[...input.estimates, ...input.soaks.map((soak) => ({ averagePps: soak.averagePps, stdevPps: soak.stdevPps }))].flatMap((point) => [point.averagePps + point.stdevPps, lowOf(point.averagePps, point.stdevPps)]),
  ];
  const y = autoScale(loads.filter((value) => value > 0), [area.bottomPx, area.topPx]);
  const markers = trials.map((trial) => trialMarker(trialMarkerKind(trial.warmup, trial.lossRatio), x.map(trial.index), y.map(trial.loadPps), trialTooltip(trial)));
  const body = [
    xAxis({ scale: x, area, label: "trial (measurement order)", formatTick: (value) => String(value) }),
    yAxis({ scale: y, area, label: `load per direction (pps${y.kind === "log" ? ", log" : ""})`, formatTick: (value) => formatSi(value, 4) }),
    estimateBand(input.estimates, x, y),
    finalLines(input.soaks, y, area.leftPx, area.rightPx),
    `<g class="points">${markers.join("")}</g>`,
    legendSvg,
  ].join("");
  const description = `Soak search: ${trials.length} trial loads and ${input.estimates.length} estimates with ± one standard deviation.`;
  return svgDocument({ id: input.id, widthPx: frame.widthPx, heightPx: frame.heightPx, title: input.title, description, body });
}
