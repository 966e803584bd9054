/** Axes with grid lines, tick labels and a title; the chart decides how values are labelled. */
import { line, px, text } from "./svg.js";
import type { PlotArea } from "./frame.js";
import type { Scale } from "./scale.js";

export const AXIS_COLOR = "#444444";
export const GRID_COLOR = "#e3e3e3";
export const MINOR_GRID_COLOR = "#f1f1f1";

export interface AxisOptions {
  readonly scale: Scale;
  readonly area: PlotArea;
  readonly label: string;
  readonly formatTick: (value: number) => string;
}

export function xAxis({ scale, area, label, formatTick }: AxisOptions): string {
  const parts: string[] = [];
  for (const value of scale.minorTicks) {
    const x = scale.map(value);
    parts.push(line(x, area.topPx, x, area.bottomPx, { stroke: MINOR_GRID_COLOR }));
  }
  for (const value of scale.ticks) {
    const x = scale.map(value);
    parts.push(line(x, area.topPx, x, area.bottomPx, { stroke: GRID_COLOR }));
    parts.push(line(x, area.bottomPx, x, area.bottomPx + 5, { stroke: AXIS_COLOR }));
    parts.push(text(x, area.bottomPx + 18, formatTick(value), { "text-anchor": "middle", fill: AXIS_COLOR }));
  }
  parts.push(line(area.leftPx, area.bottomPx, area.rightPx, area.bottomPx, { stroke: AXIS_COLOR }));
  parts.push(text((area.leftPx + area.rightPx) / 2, area.bottomPx + 38, label, { "text-anchor": "middle", fill: "#222222" }));
  return `<g class="axis x-axis">${parts.join("")}</g>`;
}

export function yAxis({ scale, area, label, formatTick }: AxisOptions): string {
  const parts: string[] = [];
  for (const value of scale.minorTicks) {
    const y = scale.map(value);
    parts.push(line(area.leftPx, y, area.rightPx, y, { stroke: MINOR_GRID_COLOR }));
  }
  for (const value of scale.ticks) {
    const y = scale.map(value);
    parts.push(line(area.leftPx, y, area.rightPx, y, { stroke: GRID_COLOR }));
    parts.push(line(area.leftPx - 5, y, area.leftPx, y, { stroke: AXIS_COLOR }));
    parts.push(text(area.leftPx - 8, y + 4, formatTick(value), { "text-anchor": "end", fill: AXIS_COLOR }));
  }
  parts.push(line(area.leftPx, area.topPx, area.leftPx, area.bottomPx, { stroke: AXIS_COLOR }));
  const middle = (area.topPx + area.bottomPx) / 2;
  parts.push(text(16, middle, label, { "text-anchor": "middle", fill: "#222222", transform: `rotate(-90 16 ${px(middle)})` }));
  return `<g class="axis y-axis">${parts.join("")}</g>`;
}
