/**
 * Data drawn on a plot: lines broken where data is missing (no loss figure during an outage, a
 * power gap), min-max bands as filled polygons broken the same way, and point markers with
 * tooltips. Points are in data units; the scales map them to pixels.
 */
import type { Scale } from "../charts/scale.js";
import { element, polyline, px, title, type SvgAttributes } from "../charts/svg.js";

export interface LinePoint {
  readonly x: number;
  readonly y: number | null;
}

export interface BandSpan {
  readonly x: number;
  readonly low: number;
  readonly high: number;
}

/** Splits into runs of consecutive points, breaking at nulls and where x jumps by more than `maxStepX`. */
export function contiguousRuns<T extends { readonly x: number }>(points: readonly T[], present: (point: T) => boolean, maxStepX: number): T[][] {
  const runs: T[][] = [];
  let current: T[] = [];
  let previousX: number | null = null;
  for (const point of points) {
    const jumped = previousX !== null && point.x - previousX > maxStepX * (1 + 1e-9);
    if (!present(point) || jumped) {
      if (current.length > 0) runs.push(current);
      current = [];
    }
    if (present(point)) current.push(point);
    previousX = point.x;
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

export function brokenLine(points: readonly LinePoint[], x: Scale, y: Scale, maxStepX: number, attributes: SvgAttributes): string {
  return contiguousRuns(points, (point) => point.y !== null, maxStepX)
    .map((run) => polyline(run.map((point) => [x.map(point.x), y.map(point.y as number)] as const), attributes))
    .join("");
}

export function bandArea(spans: readonly BandSpan[], x: Scale, y: Scale, maxStepX: number, attributes: SvgAttributes): string {
  return contiguousRuns(spans, () => true, maxStepX)
    .map((run) => {
      const upper = run.map((span) => `${px(x.map(span.x))},${px(y.map(span.high))}`);
      const lower = [...run].reverse().map((span) => `${px(x.map(span.x))},${px(y.map(span.low))}`);
      return element("polygon", { points: [...upper, ...lower].join(" "), stroke: "none", ...attributes });
    })
    .join("");
}

export interface MarkedPoint {
  readonly x: number;
  readonly y: number;
  readonly tooltip: string;
}

export function pointMarkers(points: readonly MarkedPoint[], x: Scale, y: Scale, color: string, radiusPx = 2.4): string {
  return points.map((point) => element("circle", { cx: x.map(point.x), cy: y.map(point.y), r: radiusPx, fill: color, class: "point" }, title(point.tooltip))).join("");
}

/** Keeps the points within [fromX, toX] plus one beyond each end (so lines reach the edge). */
export function withinWindow<T extends { readonly x: number }>(points: readonly T[], fromX: number, toX: number): T[] {
  const first = points.findIndex((point) => point.x >= fromX);
  const after = points.findIndex((point) => point.x > toX);
  const start = first < 0 ? points.length : Math.max(0, first - 1);
  const end = after < 0 ? points.length : Math.min(points.length, after + 1);
  return points.slice(start, end);
}
