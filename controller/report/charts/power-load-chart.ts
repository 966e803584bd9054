/**
 * Mean power against load for one device: each trial that recorded power is a point (x: offered
 * load per direction in Mpps, y: the device's mean power over the trial in W), marked by its
 * loss like the loss chart; the tooltip gives W per Mpps.
 */
import { formatRatio, formatSi } from "../format.js";
import type { ReportTrial } from "../model.js";
import { xAxis, yAxis } from "./axes.js";
import { layoutWithLegend } from "./layout.js";
import { trialMarker, trialMarkerKind } from "./markers.js";
import { autoScale, linearScale } from "./scale.js";
import { svgDocument } from "./svg.js";
import { trialKindLegend } from "./trial-sequence-chart.js";

export interface PowerLoadChartInput {
  readonly id: string;
  readonly title: string;
  /** `<agent>/<meter>` or `<agent>/<meter>.<channel>`. */
  readonly device: string;
  readonly trials: readonly ReportTrial[];
}

/** The trials with a mean power for `device`, and that power. */
export function trialsWithPower(trials: readonly ReportTrial[], device: string): Array<{ readonly trial: ReportTrial; readonly powerW: number }> {
  return trials.flatMap((trial) => {
    const powerW = trial.power?.[device];
    return powerW === undefined || !Number.isFinite(powerW) || !Number.isFinite(trial.loadPps) ? [] : [{ trial, powerW }];
  });
}

export function powerTooltip(trial: ReportTrial, device: string, powerW: number): string {
  const loadMpps = trial.loadPps / 1e6;
  const perMpps = loadMpps > 0 ? `, ${formatSi(powerW / loadMpps, 4)} W per Mpps` : "";
  return `trial ${trial.index}: ${formatSi(loadMpps, 4)} Mpps for ${trial.durationS} s, ${device} ${formatSi(powerW, 4)} W${perMpps}, loss ratio ${formatRatio(trial.lossRatio)}`;
}

export function powerLoadChart(input: PowerLoadChartInput): string {
  const points = trialsWithPower(input.trials, input.device);
  const { frame, area, legendSvg } = layoutWithLegend(trialKindLegend(points.map(({ trial }) => trial)));
  const x = autoScale(points.map(({ trial }) => trial.loadPps / 1e6), [area.leftPx, area.rightPx], 6);
  // From 0 W: a flat trace looks flat, not like noise blown up to full height.
  const y = linearScale(0, Math.max(1, ...points.map(({ powerW }) => powerW)) * 1.05, [area.bottomPx, area.topPx]);
  const markers = points.map(({ trial, powerW }) => trialMarker(trialMarkerKind(trial.warmup, trial.lossRatio), x.map(trial.loadPps / 1e6), y.map(powerW), powerTooltip(trial, input.device, powerW)));
  const body = [
    xAxis({ scale: x, area, label: `offered load per direction (Mpps${x.kind === "log" ? ", log" : ""})`, formatTick: (value) => formatSi(value, 4) }),
    yAxis({ scale: y, area, label: `${input.device} mean power (W)`, formatTick: (value) => formatSi(value, 4) }),
    `<g class="points">${markers.join("")}</g>`,
    legendSvg,
  ].join("");
  const description = `Mean power of ${input.device} over each of ${points.length} trials against the trial's load.`;
  return svgDocument({ id: input.id, widthPx: frame.widthPx, heightPx: frame.heightPx, title: input.title, description, body });
}
