/**
 * Loss and power in one figure (the notebook's plot_failover_loss): on top the loss bands per sweep
 * value in the zoomed window around the trigger, below one panel per power device over the whole
 * run (mean with its min-max band across replications), the trigger marked in every panel, and
 * connector lines showing where the zoomed window lies on the power time axis (make_zoomy).
 */
import { xAxis, yAxis } from "../charts/axes.js";
import { DEFAULT_FRAME, type PlotArea } from "../charts/frame.js";
import { legend } from "../charts/legend.js";
import { linearScale } from "../charts/scale.js";
import { element, line, px, svgDocument, text } from "../charts/svg.js";
import { bandLayers, valueRange, type BandSeries } from "./band-layers.js";
import { anchorLabel, fullWindowS, sweepLegend, sweepSeries, type SweepBands } from "./bands-figure.js";
import { clipTo, eventLines, formatSeconds, tickFormat } from "./plot-parts.js";
import { windowScale } from "./window-scale.js";

export interface PowerPanel {
  readonly device: string;
  /** The name shown beside the panel, e.g. "Primary FPGA"; default the device. */
  readonly label?: string;
  readonly bands: SweepBands["bands"];
}

export interface LossPowerFigureInput {
  readonly id: string;
  readonly title: string;
  readonly loss: readonly SweepBands[];
  readonly lossLabel: string;
  /** The zoomed loss window relative to the anchor; default 1 s before to 2 s after the trigger. */
  readonly lossWindowS?: readonly [number, number];
  readonly power: readonly PowerPanel[];
  /** The power time range; default every power epoch. */
  readonly powerWindowS?: readonly [number, number];
  readonly triggerAtS?: number;
}

const LEFT_PX = DEFAULT_FRAME.marginLeftPx;
const RIGHT_PX = DEFAULT_FRAME.widthPx - 110;
const LOSS_HEIGHT_PX = 170;
const ZOOM_GAP_PX = 44;
const POWER_HEIGHT_PX = 78;
const POWER_GAP_PX = 10;
const BOTTOM_PX = 48;

function area(topPx: number, heightPx: number): PlotArea {
  return { leftPx: LEFT_PX, rightPx: RIGHT_PX, topPx, bottomPx: topPx + heightPx };
}

function powerPanel(panel: PowerPanel, index: number, panelArea: PlotArea, input: LossPowerFigureInput, windowS: readonly [number, number], last: boolean): string {
  const x = windowScale(windowS[0], windowS[1], [panelArea.leftPx, panelArea.rightPx], 8);
  const series: BandSeries[] = [{ label: panel.label ?? panel.device, bands: panel.bands, style: { color: "#222222", dash: null } }];
  const [low, high] = valueRange(series, x, 1) ?? [0, 1];
  const y = linearScale(low, high, [panelArea.bottomPx, panelArea.topPx], 3);
  const clip = clipTo(`${input.id}-power-${index}-clip`, panelArea);
  const middle = (panelArea.topPx + panelArea.bottomPx) / 2;
  return element(
    "g",
    { class: "power-panel" },
    clip.defs,
    xAxis({ scale: x, area: panelArea, label: last ? anchorLabel(input.loss) : "", formatTick: last ? formatSeconds : () => "" }),
    yAxis({ scale: y, area: panelArea, label: "", formatTick: tickFormat(y) }),
    element("g", { class: "data", "clip-path": clip.attribute }, bandLayers(series, { x, y, centre: "mean", factor: 1, markers: false })),
    eventLines([{ atS: input.triggerAtS ?? 0, label: "trigger", trigger: true }], x, panelArea, false),
    text(panelArea.rightPx + 8, middle + 4, panel.label ?? panel.device, { fill: "#222222" }),
  );
}

/** Lines from the loss panel's bottom corners to the zoomed window on the power axis, then down through the power panels. */
function zoomConnectors(lossArea: PlotArea, powerTopPx: number, powerBottomPx: number, zoomS: readonly [number, number], powerX: ReturnType<typeof windowScale>): string {
  const stroke = { stroke: "#1a1a1a", "stroke-width": 0.8 };
  const parts = [lossArea.leftPx, lossArea.rightPx].map((cornerPx, index) => {
    const atPx = powerX.map(zoomS[index] as number);
    return line(cornerPx, lossArea.bottomPx + 22, atPx, powerTopPx, stroke) + line(atPx, powerTopPx, atPx, powerBottomPx, { ...stroke, "stroke-dasharray": "2 2" });
  });
  return element("g", { class: "zoom" }, ...parts);
}

export function lossPowerFigure(input: LossPowerFigureInput): string {
  const series = sweepSeries(input.loss);
  const legendParts = legend(sweepLegend(series, "median"), LEFT_PX, 16, RIGHT_PX - LEFT_PX);
  const topPx = 40 + Math.max(0, legendParts.rows - 1) * 16;
  const lossArea = area(topPx, LOSS_HEIGHT_PX);
  const zoomS = input.lossWindowS ?? [(input.triggerAtS ?? 0) - 1, (input.triggerAtS ?? 0) + 2];
  const x = windowScale(zoomS[0], zoomS[1], [LEFT_PX, RIGHT_PX], 6);
  const [, high] = valueRange(series, x, 1) ?? [0, 1];
  const y = linearScale(0, high, [lossArea.bottomPx, lossArea.topPx], 4);
  const clip = clipTo(`${input.id}-loss-clip`, lossArea);
  const powerTopPx = lossArea.bottomPx + ZOOM_GAP_PX;
  const powerWindowS = input.powerWindowS ?? fullWindowS(input.power.map((panel) => ({ label: panel.device, bands: panel.bands })));
  const panels = input.power.map((panel, index) => powerPanel(panel, index, area(powerTopPx + index * (POWER_HEIGHT_PX + POWER_GAP_PX), POWER_HEIGHT_PX), input, powerWindowS, index === input.power.length - 1));
  const powerBottomPx = powerTopPx + input.power.length * (POWER_HEIGHT_PX + POWER_GAP_PX) - POWER_GAP_PX;
  const heightPx = (input.power.length === 0 ? lossArea.bottomPx + 24 : powerBottomPx) + BOTTOM_PX;
  const powerX = windowScale(powerWindowS[0], powerWindowS[1], [LEFT_PX, RIGHT_PX]);
  const powerMiddlePx = (powerTopPx + powerBottomPx) / 2;
  const body = [
    clip.defs,
    xAxis({ scale: x, area: lossArea, label: "", formatTick: formatSeconds }),
    yAxis({ scale: y, area: lossArea, label: input.lossLabel, formatTick: tickFormat(y) }),
    element("g", { class: "data", "clip-path": clip.attribute }, bandLayers(series, { x, y, centre: "median", factor: 1, markers: true })),
    eventLines([{ atS: input.triggerAtS ?? 0, label: "trigger", trigger: true }], x, lossArea, false),
    ...panels,
    input.power.length === 0 ? "" : zoomConnectors(lossArea, powerTopPx, powerBottomPx, zoomS, powerX),
    input.power.length === 0 ? "" : text(16, powerMiddlePx, "power (W)", { "text-anchor": "middle", fill: "#222222", transform: `rotate(-90 16 ${px(powerMiddlePx)})` }),
    legendParts.svg,
  ].join("");
  const description = `${input.lossLabel} from ${formatSeconds(zoomS[0])} to ${formatSeconds(zoomS[1])} s around the trigger, and power of ${input.power.map((panel) => panel.label ?? panel.device).join(", ") || "no device"} over the run.`;
  return svgDocument({ id: input.id, widthPx: DEFAULT_FRAME.widthPx, heightPx, title: input.title, description, body });
}
