/**
 * The notebook's plot_fill_experiment as SVG: for each series, the min-max band filled at 20 %
 * opacity and the centre line (median for loss, mean for power, as the notebook drew them) with
 * point markers, in the series' colour and dash. Points sit at epoch midpoints.
 */
import type { BandPoint, Bands } from "../../analysis/failover/index.js";
import type { Scale } from "../charts/scale.js";
import { element } from "../charts/svg.js";
import { BAND_OPACITY, formatNumber, formatSeconds, type SweepStyle } from "./plot-parts.js";
import { bandArea, brokenLine, pointMarkers, withinWindow } from "./series-paths.js";

export type BandCentre = "median" | "mean";

export interface BandSeries {
  readonly label: string;
  readonly bands: Bands;
  readonly style: SweepStyle;
}

export interface BandLayerOptions {
  readonly x: Scale;
  readonly y: Scale;
  readonly centre: BandCentre;
  /** Values are multiplied by this before drawing (e.g. 1e-9 for Gbit/s). */
  readonly factor: number;
  readonly markers: boolean;
}

interface Placed {
  readonly x: number;
  readonly point: BandPoint;
}

function tooltip(label: string, point: BandPoint, factor: number, centre: BandCentre, epochS: number): string {
  const { spread } = point;
  const span = `${formatSeconds(point.offsetS)}-${formatSeconds(point.offsetS + epochS)} s`;
  return `${label}, ${span}: ${centre} ${formatNumber(spread[centre] * factor)}, min ${formatNumber(spread.min * factor)}, max ${formatNumber(spread.max * factor)} (n=${spread.n})`;
}

/** The points of `bands` inside the x domain, placed at their epoch midpoints. */
export function placedPoints(bands: Bands, x: Scale): Placed[] {
  const all = bands.points.map((point) => ({ x: point.offsetS + bands.epochS / 2, point }));
  return withinWindow(all, x.domain[0], x.domain[1]);
}

/** The largest and smallest drawn values of the series inside the x domain (for the y scale). */
export function valueRange(series: readonly BandSeries[], x: Scale, factor: number): readonly [number, number] | null {
  const values = series.flatMap((item) => placedPoints(item.bands, x).flatMap(({ point }) => [point.spread.min * factor, point.spread.max * factor]));
  return values.length === 0 ? null : [Math.min(...values), Math.max(...values)];
}

export function bandLayers(series: readonly BandSeries[], options: BandLayerOptions): string {
  const { x, y, centre, factor } = options;
  return series
    .map((item) => {
      const placed = placedPoints(item.bands, x);
      const stepS = item.bands.epochS;
      const band = bandArea(placed.map(({ x: at, point }) => ({ x: at, low: point.spread.min * factor, high: point.spread.max * factor })), x, y, stepS, { fill: item.style.color, "fill-opacity": BAND_OPACITY });
      const centreLine = brokenLine(placed.map(({ x: at, point }) => ({ x: at, y: point.spread[centre] * factor })), x, y, stepS, { stroke: item.style.color, "stroke-width": 1.5, "stroke-dasharray": item.style.dash });
      const markers = options.markers ? pointMarkers(placed.map(({ x: at, point }) => ({ x: at, y: point.spread[centre] * factor, tooltip: tooltip(item.label, point, factor, centre, stepS) })), x, y, item.style.color, 2) : "";
      return element("g", { class: "band-series" }, band, centreLine, markers);
    })
    .join("");
}
