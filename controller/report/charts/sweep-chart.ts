/**
 * A metric against a swept parameter: per swept value and series (goal), each replication as a
 * small circle, the mean as a diamond and its 95% Student t interval as an error bar.
 */
import type { SampleSummary } from "../../analysis/index.js";
import { formatPps, formatSi } from "../format.js";
import type { SweepValue } from "../model.js";
import { AXIS_COLOR, xAxis, yAxis } from "./axes.js";
import { lineSwatch, type LegendItem } from "./legend.js";
import { layoutWithLegend } from "./layout.js";
import { diamondMarker, seriesColor } from "./markers.js";
import { autoScale, linearScale, type Scale } from "./scale.js";
import { element, line, polyline, svgDocument, text, title } from "./svg.js";

export interface SweepChartPoint {
  readonly sweepValue: SweepValue;
  readonly valuesPps: readonly number[];
  readonly summary: SampleSummary;
}

export interface SweepSeries {
  readonly name: string;
  readonly colorIndex: number;
  readonly points: readonly SweepChartPoint[];
}

export interface SweepChartInput {
  readonly id: string;
  readonly title: string;
  readonly parameter: string;
  /** The swept values in axis order. */
  readonly sweepValues: readonly SweepValue[];
  readonly series: readonly SweepSeries[];
  /** e.g. "conditional throughput". */
  readonly metric: string;
}

function pointMarks(series: SweepSeries, point: SweepChartPoint, cx: number, y: Scale, metric: string): string {
  const color = seriesColor(series.colorIndex);
  const parts = point.valuesPps.map((value, index) =>
    element("circle", { cx: cx + 7, cy: y.map(value), r: 2.6, fill: "#ffffff", stroke: color, "stroke-width": 1.2, class: "point" }, title(`${series.name} at ${String(point.sweepValue)}, replication value ${index + 1}: ${formatPps(value)}`)),
  );
  const { mean, interval, n } = point.summary;
  if (interval !== null) {
    const [low, high] = [y.map(interval.low), y.map(interval.high)];
    parts.push(line(cx, low, cx, high, { stroke: color, "stroke-width": 1.5 }), line(cx - 4, low, cx + 4, low, { stroke: color, "stroke-width": 1.5 }), line(cx - 4, high, cx + 4, high, { stroke: color, "stroke-width": 1.5 }));
  }
  if (mean !== null) {
    const spread = interval === null ? "no interval with one value" : `95% CI ${formatPps(interval.low)} to ${formatPps(interval.high)}`;
    parts.push(diamondMarker(cx, y.map(mean), color, `${series.name} at ${String(point.sweepValue)}: mean ${metric} ${formatPps(mean)} over ${n} (${spread})`, 5.5));
  }
  return parts.join("");
}

function legendOf(series: readonly SweepSeries[]): LegendItem[] {
  const items: LegendItem[] = series.map((entry) => ({ label: entry.name, swatch: lineSwatch(seriesColor(entry.colorIndex), "solid") }));
  items.push({ label: "mean with 95% interval", swatch: (cx, cy) => diamondMarker(cx, cy, "#555555", null, 5) });
  items.push({ label: "replications", swatch: (cx, cy) => element("circle", { cx, cy, r: 3, fill: "#ffffff", stroke: "#555555" }) });
  return items;
}

export function sweepChart(input: SweepChartInput): string {
  const { frame, area, legendSvg } = layoutWithLegend(legendOf(input.series));
  const bandPx = (area.rightPx - area.leftPx) / Math.max(1, input.sweepValues.length);
  const dodgePx = Math.min(22, bandPx / (input.series.length + 1));
  const centerOf = (valueIndex: number, seriesIndex: number) => area.leftPx + (valueIndex + 0.5) * bandPx + (seriesIndex - (input.series.length - 1) / 2) * dodgePx;
  const values = input.series.flatMap((entry) => entry.points.flatMap((point) => [...point.valuesPps, point.summary.interval?.low ?? NaN, point.summary.interval?.high ?? NaN]));
  const y = autoScale(values, [area.bottomPx, area.topPx]);
  const indexOf = (value: SweepValue) => input.sweepValues.findIndex((candidate) => candidate === value);
  const seriesMarks = input.series.map((entry, seriesIndex) => {
    const placed = entry.points.filter((point) => indexOf(point.sweepValue) >= 0).map((point) => ({ point, cx: centerOf(indexOf(point.sweepValue), seriesIndex) }));
    const means = placed.flatMap(({ point, cx }) => (point.summary.mean === null ? [] : [[cx, y.map(point.summary.mean)] as const]));
    const trend = polyline(means, { stroke: seriesColor(entry.colorIndex), "stroke-width": 1, "stroke-opacity": 0.6 });
    return `<g class="series">${trend}${placed.map(({ point, cx }) => pointMarks(entry, point, cx, y, input.metric)).join("")}</g>`;
  });
  const categoryAxis = input.sweepValues
    .map((value, index) => text(area.leftPx + (index + 0.5) * bandPx, area.bottomPx + 18, typeof value === "number" ? formatSi(value) : String(value), { "text-anchor": "middle", fill: AXIS_COLOR }))
    .join("");
  const noTicks = { ...linearScale(0, 1, [area.leftPx, area.rightPx]), ticks: [], minorTicks: [] };
  const body = [
    xAxis({ scale: noTicks, area, label: input.parameter, formatTick: String }),
    categoryAxis,
    yAxis({ scale: y, area, label: `${input.metric} (pps${y.kind === "log" ? ", log" : ""})`, formatTick: (value) => formatSi(value, 4) }),
    seriesMarks.join(""),
    legendSvg,
  ].join("");
  const description = `${input.metric} against ${input.parameter}: ${input.sweepValues.length} values, ${input.series.length} series.`;
  return svgDocument({ id: input.id, widthPx: frame.widthPx, heightPx: frame.heightPx, title: input.title, description, body });
}
