/**
 * Loss % per epoch of one run against time since t0, the trigger marked (and the other timeline
 * events, lighter), epochs in which nothing arrived shaded, the recovery threshold and the
 * recovery time drawn as a bracket from the trigger. The zoomed variant shows the window around
 * the trigger (the notebook's 1 s before to 2 s after).
 */
import type { EpochRow, RunAnalysis } from "../../analysis/failover/index.js";
import { xAxis, yAxis } from "../charts/axes.js";
import { DASH, lineSwatch, type LegendItem } from "../charts/legend.js";
import { layoutWithLegend } from "../charts/layout.js";
import { linearScale, type Scale } from "../charts/scale.js";
import { element, line, svgDocument, text } from "../charts/svg.js";
import { clipTo, eventLines, formatNumber, formatSeconds, tickFormat, OUTAGE_FILL, sweepStyle, TRIGGER_COLOR, type EventMark } from "./plot-parts.js";
import { brokenLine, pointMarkers, withinWindow } from "./series-paths.js";
import { windowScale } from "./window-scale.js";

export interface LossFigureInput {
  readonly id: string;
  readonly title: string;
  readonly analysis: RunAnalysis;
  /** The x range in seconds since t0; default every epoch. */
  readonly windowS?: readonly [number, number];
}

const S = 1e9;

function midS(row: EpochRow): number {
  return (row.startNs + row.endNs) / 2 / S;
}

export function lossLabel(analysis: RunAnalysis): string {
  return analysis.lossBasis === "udp-packets" ? "datagram loss (%)" : "TCP throughput shortfall (%)";
}

function tooltip(row: EpochRow): string {
  const span = `${formatSeconds(row.startNs / S)}-${formatSeconds(row.endNs / S)} s`;
  const counts = row.packets === null ? "" : ` (${formatNumber(row.lostPackets ?? 0)} of ${formatNumber(row.packets)} datagrams)`;
  return `${span}: loss ${formatNumber(row.lossPercent ?? 0)} %${counts}`;
}

export function eventMarks(analysis: RunAnalysis): EventMark[] {
  return analysis.events.map((event) => ({
    atS: event.atNs / S,
    label: `${event.name}${event.phase === "stop" ? " end" : ""}`,
    trigger: event.name === analysis.options.triggerEvent && event.phase === "start" && event.atNs === analysis.triggerAtNs,
  }));
}

function legendItems(analysis: RunAnalysis, color: string, outages: boolean): LegendItem[] {
  const epochMs = formatNumber(analysis.epochNs / 1e6);
  const items: LegendItem[] = [
    { label: `${lossLabel(analysis)} per ${epochMs} ms epoch`, swatch: lineSwatch(color, "solid") },
    { label: `trigger (${analysis.options.triggerEvent})`, swatch: (x, y) => line(x - 9, y, x + 9, y, { stroke: TRIGGER_COLOR, "stroke-width": 1.4, "stroke-dasharray": "6 4" }) },
    { label: "recovery threshold", swatch: lineSwatch("#777777", "dotted") },
  ];
  if (outages) items.push({ label: "nothing arrived (outage)", swatch: (x, y) => element("rect", { x: x - 9, y: y - 5, width: 18, height: 10, fill: OUTAGE_FILL }) });
  return items;
}

function recoveryBracket(analysis: RunAnalysis, x: Scale, yPx: number): string {
  const { recovery } = analysis;
  const fromPx = x.map(recovery.triggerAtNs / S);
  if (recovery.recoveryS === null) return text(fromPx + 4, yPx + 4, "not recovered before the data ends", { fill: TRIGGER_COLOR, "font-size": 11 });
  const toPx = x.map((recovery.recoveredAtNs ?? recovery.triggerAtNs) / S);
  const stroke = { stroke: TRIGGER_COLOR, "stroke-width": 1.2 };
  return element(
    "g",
    { class: "recovery" },
    line(fromPx, yPx, toPx, yPx, stroke),
    line(toPx, yPx - 4, toPx, yPx + 4, stroke),
    text(toPx + 4, yPx + 4, `recovery ${formatSeconds(recovery.recoveryS)} s`, { fill: TRIGGER_COLOR, "font-size": 11 }),
  );
}

export function lossFigure(input: LossFigureInput): string {
  const { analysis } = input;
  const color = sweepStyle(0).color;
  const rows = analysis.epochs;
  const [fromS, toS] = input.windowS ?? [(rows[0]?.startNs ?? 0) / S, (rows[rows.length - 1]?.endNs ?? S) / S];
  const shown = withinWindow(rows.map((row) => ({ ...row, x: midS(row) })), fromS, toS);
  const outageRows = shown.filter((row) => row.lossGap === "outage");
  const { frame, area, legendSvg } = layoutWithLegend(legendItems(analysis, color, outageRows.length > 0));
  const threshold = analysis.recovery.thresholdPercent;
  const x = windowScale(fromS, toS, [area.leftPx, area.rightPx], 8);
  const y = linearScale(0, Math.max(threshold, ...shown.map((row) => row.lossPercent ?? 0)), [area.bottomPx, area.topPx], 5);
  const clip = clipTo(`${input.id}-clip`, area);
  const outages = outageRows.map((row) => element("rect", { x: x.map(row.startNs / S), y: area.topPx, width: x.map(row.endNs / S) - x.map(row.startNs / S), height: area.bottomPx - area.topPx, fill: OUTAGE_FILL }));
  const lossPoints = shown.filter((row) => row.lossPercent !== null).map((row) => ({ x: row.x, y: row.lossPercent as number, tooltip: tooltip(row) }));
  const data = [
    `<g class="outages">${outages.join("")}</g>`,
    line(area.leftPx, y.map(threshold), area.rightPx, y.map(threshold), { stroke: "#777777", "stroke-dasharray": DASH.dotted }),
    brokenLine(shown.map((row) => ({ x: row.x, y: row.lossPercent })), x, y, analysis.epochNs / S, { stroke: color, "stroke-width": 1.5 }),
    pointMarkers(lossPoints, x, y, color),
  ].join("");
  const body = [
    clip.defs,
    xAxis({ scale: x, area, label: `time since ${analysis.originEvent} (s)`, formatTick: formatSeconds }),
    yAxis({ scale: y, area, label: lossLabel(analysis), formatTick: tickFormat(y) }),
    element("g", { class: "data", "clip-path": clip.attribute }, data),
    eventLines(eventMarks(analysis), x, area, true),
    recoveryBracket(analysis, x, area.topPx + 12),
    legendSvg,
  ].join("");
  const peak = analysis.recovery.peak;
  const description = `Loss per epoch from ${formatSeconds(fromS)} to ${formatSeconds(toS)} s; peak ${peak === null ? "none" : `${formatNumber(peak.lossPercent)} %`}; recovery ${analysis.recovery.recoveryS === null ? "not reached" : `${formatSeconds(analysis.recovery.recoveryS)} s`}.`;
  return svgDocument({ id: input.id, widthPx: frame.widthPx, heightPx: frame.heightPx, title: input.title, description, body });
}

/** The window around the trigger (default 1 s before to 2 s after, as the notebook's zoom). */
export function zoomedLossFigure(input: Omit<LossFigureInput, "windowS"> & { readonly beforeS?: number; readonly afterS?: number }): string {
  const triggerS = input.analysis.triggerAtNs / S;
  return lossFigure({ ...input, windowS: [triggerS - (input.beforeS ?? 1), triggerS + (input.afterS ?? 2)] });
}
