/**
 * Point markers. Trials differ by shape as well as colour (readable in greyscale and by the colour
 * blind): zero loss a filled circle, loss a triangle, warm-up a hollow square. Every marker is a
 * `class="point"` element with a <title> tooltip.
 */
import { element, px, title } from "./svg.js";

export type TrialMarkerKind = "zero-loss" | "lossy" | "warmup";

/** Okabe-Ito colours: distinguishable with every common colour vision deficiency. */
export const SERIES_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"] as const;

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? "#000000";
}

export const TRIAL_MARKER_COLORS: Readonly<Record<TrialMarkerKind, string>> = {
  "zero-loss": "#009E73",
  lossy: "#D55E00",
  warmup: "#777777",
};

export const TRIAL_MARKER_LABELS: Readonly<Record<TrialMarkerKind, string>> = {
  "zero-loss": "zero loss",
  lossy: "loss > 0",
  warmup: "warm-up (not used by the search)",
};

export function trialMarkerKind(warmup: boolean, lossRatio: number): TrialMarkerKind {
  if (warmup) return "warmup";
  return lossRatio > 0 ? "lossy" : "zero-loss";
}

/** A trial marker centred at (x, y): a data point with a tooltip, or a legend swatch when the tooltip is null. */
export function trialMarker(kind: TrialMarkerKind, x: number, y: number, tooltip: string | null): string {
  const color = TRIAL_MARKER_COLORS[kind];
  const point = tooltip === null ? {} : { class: "point", "data-kind": kind };
  const inner = tooltip === null ? "" : title(tooltip);
  switch (kind) {
    case "zero-loss":
      return element("circle", { cx: x, cy: y, r: 4, fill: color, ...point }, inner);
    case "lossy":
      return element("path", { d: `M${px(x)},${px(y - 5)}L${px(x + 5)},${px(y + 4)}L${px(x - 5)},${px(y + 4)}Z`, fill: color, ...point }, inner);
    case "warmup":
      return element("rect", { x: x - 4, y: y - 4, width: 8, height: 8, fill: "#ffffff", stroke: color, "stroke-width": 1.5, ...point }, inner);
  }
}

/** A diamond, for conditional throughput and other per-goal values. */
export function diamondMarker(x: number, y: number, color: string, tooltip: string | null, sizePx = 5): string {
  const d = `M${px(x)},${px(y - sizePx)}L${px(x + sizePx)},${px(y)}L${px(x)},${px(y + sizePx)}L${px(x - sizePx)},${px(y)}Z`;
  return element("path", { d, fill: color, stroke: "#ffffff", "stroke-width": 0.8, class: tooltip === null ? null : "point" }, tooltip === null ? "" : title(tooltip));
}
