/** Horizontal box plots, one row per algorithm: whiskers min..max, box q1..q3, median, mean. */
import { xAxis } from "../charts/axes.js";
import { autoScale } from "../charts/scale.js";
import { element, line, svgDocument, text, title } from "../charts/svg.js";
import { formatNumber } from "./format-number.js";

export interface BoxGroup {
  readonly label: string;
  readonly values: readonly number[];
}

export interface BoxPlotOptions {
  readonly id: string;
  readonly title: string;
  readonly metricLabel: string;
  readonly groups: readonly BoxGroup[];
}

function quantile(sorted: readonly number[], fraction: number): number {
  const position = (sorted.length - 1) * fraction;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? a;
  return a + (b - a) * (position - low);
}

const ROW_PX = 16;
const LABEL_PX = 250;

export function boxPlotSvg(options: BoxPlotOptions): string {
  const groups = options.groups.map((group) => ({ label: group.label, sorted: group.values.filter(Number.isFinite).sort((a, b) => a - b) })).filter((group) => group.sorted.length > 0);
  const widthPx = 820;
  const area = { leftPx: LABEL_PX, rightPx: widthPx - 24, topPx: 16, bottomPx: 16 + groups.length * ROW_PX };
  const heightPx = area.bottomPx + 48;
  const scale = autoScale(groups.flatMap((group) => group.sorted), [area.leftPx, area.rightPx]);
  const rows = groups.map((group, index) => {
    const y = area.topPx + index * ROW_PX + ROW_PX / 2;
    const [min, q1, median, q3, max] = [0, 0.25, 0.5, 0.75, 1].map((fraction) => quantile(group.sorted, fraction)) as [number, number, number, number, number];
    const mean = group.sorted.reduce((sum, value) => sum + value, 0) / group.sorted.length;
    const tooltip = `${group.label}: n ${group.sorted.length}, min ${formatNumber(min)}, q1 ${formatNumber(q1)}, median ${formatNumber(median)}, q3 ${formatNumber(q3)}, max ${formatNumber(max)}, mean ${formatNumber(mean)}`;
    return element(
      "g",
      { class: "box-row", "data-values": group.sorted.length },
      title(tooltip),
      text(area.leftPx - 6, y + 4, group.label, { "text-anchor": "end", "font-size": 11 }),
      line(scale.map(min), y, scale.map(max), y, { stroke: "#777777" }),
      element("rect", { x: scale.map(q1), y: y - 5, width: Math.max(1, scale.map(q3) - scale.map(q1)), height: 10, fill: "#bcd3ea", stroke: "#2b6cb0" }),
      line(scale.map(median), y - 6, scale.map(median), y + 6, { stroke: "#1a365d", "stroke-width": 2 }),
      element("circle", { cx: scale.map(mean), cy: y, r: 2.2, fill: "#c05621" }),
    );
  });
  const axisArea = { ...area, topPx: area.topPx, bottomPx: area.bottomPx };
  const body = [xAxis({ scale, area: axisArea, label: options.metricLabel, formatTick: formatNumber }), ...rows].join("");
  return svgDocument({
    id: options.id,
    widthPx,
    heightPx,
    title: options.title,
    description: `Box plots of ${options.metricLabel} per algorithm over the replications: whiskers min to max, box first to third quartile, bar the median, dot the mean.`,
    body,
  });
}
