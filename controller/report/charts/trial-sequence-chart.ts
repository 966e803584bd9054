/**
 * The trial sequence of a search: the load of each trial in measurement order, marked by loss
 * (zero loss, loss > 0, warm-up), with each goal's conditional throughput as a dashed line.
 */
import { formatPps, formatRatio, formatSi } from "../format.js";
import type { ReportGoal, ReportTrial } from "../model.js";
import { xAxis, yAxis } from "./axes.js";
import type { LegendItem } from "./legend.js";
import { layoutWithLegend } from "./layout.js";
import { TRIAL_MARKER_LABELS, trialMarker, trialMarkerKind, type TrialMarkerKind } from "./markers.js";
import { autoScale, linearScale } from "./scale.js";
import { polyline, svgDocument } from "./svg.js";
import { conditionalThroughputLines, goalLineLegend, horizontalGoalLines } from "./trial-lines.js";

export interface TrialSequenceChartInput {
  readonly id: string;
  readonly title: string;
  readonly trials: readonly ReportTrial[];
  /** Their conditional throughputs are drawn as reference lines; none for a soak search. */
  readonly goals: readonly ReportGoal[];
}

export function trialTooltip(trial: ReportTrial): string {
  const kind = trialMarkerKind(trial.warmup, trial.lossRatio);
  return `trial ${trial.index}: ${formatPps(trial.loadPps)} for ${trial.durationS} s, loss ratio ${formatRatio(trial.lossRatio)} (${TRIAL_MARKER_LABELS[kind]})`;
}

/** Legend items for the trial kinds that occur, in a fixed order. */
export function trialKindLegend(trials: readonly ReportTrial[]): LegendItem[] {
  const present = new Set(trials.map((trial) => trialMarkerKind(trial.warmup, trial.lossRatio)));
  const order: TrialMarkerKind[] = ["zero-loss", "lossy", "warmup"];
  return order.filter((kind) => present.has(kind)).map((kind) => ({ label: TRIAL_MARKER_LABELS[kind], swatch: (x: number, y: number) => trialMarker(kind, x, y, null) }));
}

export function trialSequenceChart(input: TrialSequenceChartInput): string {
  const trials = input.trials.filter((trial) => Number.isFinite(trial.loadPps) && Number.isFinite(trial.lossRatio));
  const goalLines = conditionalThroughputLines(input.goals);
  const { frame, area, legendSvg } = layoutWithLegend([...trialKindLegend(trials), ...goalLineLegend(goalLines)]);
  const x = linearScale(1, Math.max(1, trials.length), [area.leftPx, area.rightPx], 8, true);
  const y = autoScale([...trials.map((trial) => trial.loadPps), ...goalLines.map((goalLine) => goalLine.valuePps)], [area.bottomPx, area.topPx]);
  const positions = trials.map((trial) => [x.map(trial.index), y.map(trial.loadPps)] as const);
  const markers = trials.map((trial, index) => {
    const [px, py] = positions[index] ?? [0, 0];
    return trialMarker(trialMarkerKind(trial.warmup, trial.lossRatio), px, py, trialTooltip(trial));
  });
  const body = [
    xAxis({ scale: x, area, label: "trial (measurement order)", formatTick: (value) => String(value) }),
    yAxis({ scale: y, area, label: `offered load per direction (pps${y.kind === "log" ? ", log" : ""})`, formatTick: (value) => formatSi(value, 4) }),
    horizontalGoalLines(goalLines, y, area),
    polyline(positions, { stroke: "#9a9a9a", "stroke-width": 1 }),
    `<g class="points">${markers.join("")}</g>`,
    legendSvg,
  ].join("");
  const description = `Load of each of ${trials.length} trials in measurement order, marked by loss.`;
  return svgDocument({ id: input.id, widthPx: frame.widthPx, heightPx: frame.heightPx, title: input.title, description, body });
}
