/**
 * Pieces every failover figure shares: the clip path that keeps data inside its plot area, the
 * vertical event lines (the trigger bold and labelled, other timeline events light), the colour
 * and dash of each sweep value, and number formats for the axes.
 */
import type { PlotArea } from "../charts/frame.js";
import { seriesColor } from "../charts/markers.js";
import type { Scale } from "../charts/scale.js";
import { element, line, text, title } from "../charts/svg.js";

export const TRIGGER_COLOR = "#000000";
export const EVENT_COLOR = "#8a8a8a";
export const OUTAGE_FILL = "#d9d9d9";
export const BAND_OPACITY = 0.2;

/** The notebook's line styles per sweep value (':', '-', '--', '-.'), as SVG dash arrays. */
const SWEEP_DASHES = ["2 3", null, "6 4", "8 3 2 3"] as const;

export interface SweepStyle {
  readonly color: string;
  readonly dash: string | null;
}

export function sweepStyle(index: number): SweepStyle {
  return { color: seriesColor(index), dash: SWEEP_DASHES[index % SWEEP_DASHES.length] ?? null };
}

/** A <clipPath> for the area and the attribute that applies it. */
export function clipTo(id: string, area: PlotArea): { readonly defs: string; readonly attribute: string } {
  const rect = element("rect", { x: area.leftPx, y: area.topPx, width: area.rightPx - area.leftPx, height: area.bottomPx - area.topPx });
  return { defs: `<defs>${element("clipPath", { id }, rect)}</defs>`, attribute: `url(#${id})` };
}

export interface EventMark {
  readonly atS: number;
  readonly label: string;
  readonly trigger: boolean;
}

/** Vertical lines for the marks inside the x domain; labels alternate between two rows above the area when `labelled`. */
export function eventLines(marks: readonly EventMark[], x: Scale, area: PlotArea, labelled: boolean): string {
  const [fromS, toS] = x.domain;
  const inside = marks.filter((mark) => mark.atS >= fromS && mark.atS <= toS);
  return inside
    .map((mark, index) => {
      const xPx = x.map(mark.atS);
      const stroke = mark.trigger ? { stroke: TRIGGER_COLOR, "stroke-width": 1.4, "stroke-dasharray": "6 4" } : { stroke: EVENT_COLOR, "stroke-width": 1, "stroke-dasharray": "2 3" };
      const nearRight = xPx > area.rightPx - 90;
      const labelAttributes = { fill: mark.trigger ? TRIGGER_COLOR : EVENT_COLOR, "font-size": 10, "text-anchor": nearRight ? "end" : "start" };
      const label = labelled ? text(xPx + (nearRight ? -3 : 3), area.topPx - 4 - (index % 2) * 12, mark.label, labelAttributes) : "";
      return element("g", { class: mark.trigger ? "trigger" : "event" }, line(xPx, area.topPx, xPx, area.bottomPx, stroke), label, title(`${mark.label} at ${formatSeconds(mark.atS)} s`));
    })
    .join("");
}

/** 1.158018 -> "1.158"; whole numbers without decimals. */
export function formatSeconds(valueS: number): string {
  return String(Number(valueS.toFixed(3)));
}

/** Tick labels with as many decimals as the tick step needs (27.05, 27.1, 27.15 stay apart). */
export function tickFormat(scale: Scale): (value: number) => string {
  const steps = scale.ticks.slice(1).map((tick, index) => Math.abs(tick - (scale.ticks[index] as number))).filter((step) => step > 0);
  const step = steps.length === 0 ? 1 : Math.min(...steps);
  const decimals = Math.min(6, Math.max(0, -Math.floor(Math.log10(step) + 1e-9)));
  return (value) => value.toFixed(decimals);
}

/** Up to 3 significant digits: 89.23 -> "89.2", 0.5 -> "0.5". */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(3)));
}
