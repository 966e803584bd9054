/**
 * Relevant bounds and conditional throughput per goal and run: one row per (run, goal), the span
 * from the relevant lower bound (RLB) to the relevant upper bound (RUB) as a bar, and the
 * conditional throughput (CT) as a diamond. A missing bound is a dashed line to the plot's edge.
 */
import { escapeXml } from "../escape.js";
import { formatPps, formatSi } from "../format.js";
import type { ReportGoal } from "../model.js";
import { AXIS_COLOR, xAxis } from "./axes.js";
import { DEFAULT_FRAME, type PlotArea } from "./frame.js";
import type { LegendItem } from "./legend.js";
import { layoutWithLegend } from "./layout.js";
import { diamondMarker, seriesColor } from "./markers.js";
import { autoScale, type Scale } from "./scale.js";
import { element, line, svgDocument, text, title } from "./svg.js";

export interface BoundsRow {
  /** e.g. "#0 NDR". */
  readonly label: string;
  /** null: the run has no result for any goal (failed or not run yet). */
  readonly goal: ReportGoal | null;
  /** The goal's position in its search (picks its colour). */
  readonly goalIndex: number;
}

export interface BoundsChartInput {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly BoundsRow[];
}

const ROW_HEIGHT_PX = 24;
const MISSING_BOUND_DASH = "4 3";
const LABEL_CHARACTERS_MAX = 18;

export function boundsTooltip(row: BoundsRow): string {
  const goal = row.goal;
  if (goal === null) return `${row.label}: no result`;
  const shape = goal.regular ? "regular" : "irregular: a bound is missing";
  return `${row.label}: RLB ${formatPps(goal.relevantLowerBoundPps)}, RUB ${formatPps(goal.relevantUpperBoundPps)}, CT ${formatPps(goal.conditionalThroughputPps)} (${shape})`;
}

function rowMarks(row: BoundsRow, goal: ReportGoal, x: Scale, area: PlotArea, y: number): string {
  const color = seriesColor(row.goalIndex);
  const low = goal.relevantLowerBoundPps;
  const high = goal.relevantUpperBoundPps;
  const parts: string[] = [];
  if (low !== null && high !== null) {
    const left = x.map(Math.min(low, high));
    const width = Math.max(2, Math.abs(x.map(high) - x.map(low)));
    parts.push(element("rect", { x: left, y: y - 6, width, height: 12, fill: color, "fill-opacity": 0.3, stroke: color, class: "point" }, title(boundsTooltip(row))));
  } else if (low !== null || high !== null) {
    const known = x.map((low ?? high) as number);
    const edge = low !== null ? area.rightPx : area.leftPx;
    parts.push(line(known, y, edge, y, { stroke: color, "stroke-width": 2, "stroke-dasharray": MISSING_BOUND_DASH }));
    parts.push(element("rect", { x: known - 1.5, y: y - 7, width: 3, height: 14, fill: color, class: "point" }, title(boundsTooltip(row))));
  }
  if (goal.conditionalThroughputPps !== null) parts.push(diamondMarker(x.map(goal.conditionalThroughputPps), y, color, `${row.label}: CT ${formatPps(goal.conditionalThroughputPps)}`, 6));
  if (parts.length === 0) parts.push(text(area.leftPx + 6, y + 4, "no bounds", { fill: AXIS_COLOR, "font-style": "italic" }));
  return parts.join("");
}

function legendOf(rows: readonly BoundsRow[]): LegendItem[] {
  const goals = new Map<string, number>();
  for (const row of rows) if (row.goal !== null && !goals.has(row.goal.name)) goals.set(row.goal.name, row.goalIndex);
  const items: LegendItem[] = [...goals].map(([name, index]) => ({
    label: `${name}: RLB to RUB`,
    swatch: (cx, cy) => element("rect", { x: cx - 9, y: cy - 5, width: 18, height: 10, fill: seriesColor(index), "fill-opacity": 0.3, stroke: seriesColor(index) }),
  }));
  items.push({ label: "conditional throughput", swatch: (cx, cy) => diamondMarker(cx, cy, "#555555", null, 6) });
  const missing = rows.some((row) => row.goal !== null && (row.goal.relevantLowerBoundPps === null) !== (row.goal.relevantUpperBoundPps === null));
  if (missing) items.push({ label: "no bound on this side", swatch: (cx, cy) => line(cx - 9, cy, cx + 9, cy, { stroke: "#555555", "stroke-width": 2, "stroke-dasharray": MISSING_BOUND_DASH }) });
  return items;
}

function shortLabel(label: string): string {
  return label.length <= LABEL_CHARACTERS_MAX ? label : `${label.slice(0, LABEL_CHARACTERS_MAX - 1)}…`;
}

export function boundsChart(input: BoundsChartInput): string {
  const plotHeightPx = Math.max(1, input.rows.length) * ROW_HEIGHT_PX + 8;
  const frame = { ...DEFAULT_FRAME, marginLeftPx: 130, heightPx: DEFAULT_FRAME.marginTopPx + plotHeightPx + DEFAULT_FRAME.marginBottomPx };
  const { frame: grown, area, legendSvg } = layoutWithLegend(legendOf(input.rows), frame);
  const values = input.rows.flatMap((row) => (row.goal === null ? [] : [row.goal.relevantLowerBoundPps, row.goal.relevantUpperBoundPps, row.goal.conditionalThroughputPps]));
  const x = autoScale(values.filter((value): value is number => value !== null), [area.leftPx, area.rightPx], 6);
  const rows = input.rows.map((row, index) => {
    const y = area.topPx + 4 + (index + 0.5) * ROW_HEIGHT_PX;
    const label = element("text", { x: area.leftPx - 8, y: y + 4, "text-anchor": "end", fill: "#222222" }, title(row.label), escapeXml(shortLabel(row.label)));
    const marks = row.goal === null ? text(area.leftPx + 6, y + 4, "no result", { fill: AXIS_COLOR, "font-style": "italic" }) : rowMarks(row, row.goal, x, area, y);
    return `<g class="bounds-row">${label}${marks}</g>`;
  });
  const body = [
    xAxis({ scale: x, area, label: `load per direction (pps${x.kind === "log" ? ", log" : ""})`, formatTick: (value) => formatSi(value, 4) }),
    line(area.leftPx, area.topPx, area.leftPx, area.bottomPx, { stroke: AXIS_COLOR }),
    rows.join(""),
    legendSvg,
  ].join("");
  const description = `Relevant lower and upper bounds and conditional throughput of ${input.rows.length} goal results.`;
  return svgDocument({ id: input.id, widthPx: grown.widthPx, heightPx: grown.heightPx, title: input.title, description, body });
}
