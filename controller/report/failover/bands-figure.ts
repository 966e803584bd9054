/**
 * Bands across replications, one colour per sweep value (the notebook's loss-only figure): the
 * min-max band and the median per epoch, the trigger marked. Any epoch metric fits (loss %,
 * throughput with `factor`, RTT).
 */
import type { Bands } from "../../analysis/failover/index.js";
import { xAxis, yAxis } from "../charts/axes.js";
import type { LegendItem } from "../charts/legend.js";
import { layoutWithLegend } from "../charts/layout.js";
import { linearScale } from "../charts/scale.js";
import { element, line, svgDocument } from "../charts/svg.js";
import { bandLayers, valueRange, type BandCentre, type BandSeries } from "./band-layers.js";
import { BAND_OPACITY, clipTo, eventLines, formatSeconds, sweepStyle, tickFormat, TRIGGER_COLOR } from "./plot-parts.js";
import { windowScale } from "./window-scale.js";

export interface SweepBands {
  /** The sweep value as the legend shows it, e.g. "20 ms poll". */
  readonly label: string;
  readonly bands: Bands;
}

export interface BandsFigureInput {
  readonly id: string;
  readonly title: string;
  readonly sweeps: readonly SweepBands[];
  readonly yLabel: string;
  /** The x range relative to the bands' anchor; default every epoch. */
  readonly windowS?: readonly [number, number];
  /** Where the trigger line goes on that axis: 0 for trigger-anchored bands (the default). */
  readonly triggerAtS?: number;
  readonly factor?: number;
  readonly centre?: BandCentre;
  /** Start the y axis at 0 (loss) rather than at the smallest value (power). Default true. */
  readonly yFromZero?: boolean;
}

export function sweepSeries(sweeps: readonly SweepBands[]): BandSeries[] {
  return sweeps.map((sweep, index) => ({ label: sweep.label, bands: sweep.bands, style: sweepStyle(index) }));
}

export function sweepLegend(series: readonly BandSeries[], centre: BandCentre): LegendItem[] {
  const items: LegendItem[] = series.map((item) => ({
    label: `${item.label} (${centre}, n=${item.bands.replications})`,
    swatch: (x, y) =>
      element("rect", { x: x - 9, y: y - 5, width: 18, height: 10, fill: item.style.color, "fill-opacity": BAND_OPACITY }) +
      line(x - 9, y, x + 9, y, { stroke: item.style.color, "stroke-width": 1.5, "stroke-dasharray": item.style.dash }),
  }));
  items.push({ label: "trigger", swatch: (x, y) => line(x - 9, y, x + 9, y, { stroke: TRIGGER_COLOR, "stroke-width": 1.4, "stroke-dasharray": "6 4" }) });
  return items;
}

export function anchorLabel(sweeps: readonly SweepBands[]): string {
  return sweeps[0]?.bands.anchor === "origin" ? "time since t0 (s)" : "time since the trigger (s)";
}

/** Every epoch of every sweep: [first start, last end]. */
export function fullWindowS(sweeps: readonly SweepBands[]): readonly [number, number] {
  const starts = sweeps.flatMap((sweep) => sweep.bands.points.map((point) => point.offsetS));
  const ends = sweeps.flatMap((sweep) => sweep.bands.points.map((point) => point.offsetS + sweep.bands.epochS));
  return starts.length === 0 ? [0, 1] : [Math.min(...starts), Math.max(...ends)];
}

export function bandsFigure(input: BandsFigureInput): string {
  const centre = input.centre ?? "median";
  const factor = input.factor ?? 1;
  const series = sweepSeries(input.sweeps);
  const { frame, area, legendSvg } = layoutWithLegend(sweepLegend(series, centre));
  const [fromS, toS] = input.windowS ?? fullWindowS(input.sweeps);
  const x = windowScale(fromS, toS, [area.leftPx, area.rightPx], 8);
  const [low, high] = valueRange(series, x, factor) ?? [0, 1];
  const y = linearScale(input.yFromZero === false ? low : Math.min(0, low), high, [area.bottomPx, area.topPx], 5);
  const clip = clipTo(`${input.id}-clip`, area);
  const body = [
    clip.defs,
    xAxis({ scale: x, area, label: anchorLabel(input.sweeps), formatTick: formatSeconds }),
    yAxis({ scale: y, area, label: input.yLabel, formatTick: tickFormat(y) }),
    element("g", { class: "data", "clip-path": clip.attribute }, bandLayers(series, { x, y, centre, factor, markers: true })),
    eventLines([{ atS: input.triggerAtS ?? 0, label: "trigger", trigger: true }], x, area, false),
    legendSvg,
  ].join("");
  const description = `${input.yLabel}: ${centre} and min-max band across replications for ${input.sweeps.map((sweep) => sweep.label).join(", ")}, from ${formatSeconds(fromS)} to ${formatSeconds(toS)} s.`;
  return svgDocument({ id: input.id, widthPx: frame.widthPx, heightPx: frame.heightPx, title: input.title, description, body });
}
