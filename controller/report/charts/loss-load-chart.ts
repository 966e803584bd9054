/**
 * Loss ratio against load: every trial of a search, on a log loss axis with a separate row for
 * zero loss (log scales have no 0), with each goal's loss ratio as a horizontal line and its
 * conditional throughput as a vertical one.
 */
import { formatRatio, formatSi } from "../format.js";
import type { ReportGoal, ReportTrial } from "../model.js";
import { AXIS_COLOR, xAxis, yAxis } from "./axes.js";
import type { PlotArea } from "./frame.js";
import { DASH, lineSwatch, type LegendItem } from "./legend.js";
import { layoutWithLegend } from "./layout.js";
import { seriesColor, trialMarker, trialMarkerKind } from "./markers.js";
import { autoScale, logScale, type Scale } from "./scale.js";
import { element, line, svgDocument, text, title } from "./svg.js";
import { conditionalThroughputLines, goalLineLegend, verticalGoalLines } from "./trial-lines.js";
import { trialKindLegend, trialTooltip } from "./trial-sequence-chart.js";

export interface LossLoadChartInput {
  readonly id: string;
  readonly title: string;
  readonly trials: readonly ReportTrial[];
  readonly goals: readonly ReportGoal[];
}

/** Below this, with no lossy trial and no loss target, the loss axis starts at 1e-6. */
const DEFAULT_LOSS_FLOOR = 1e-6;
const ZERO_ROW_HEIGHT_PX = 26;

/** The log loss axis over the lossy trials and loss targets, from a power of ten up to at least 1. */
export function lossScale(lossRatios: readonly number[], rangePx: readonly [number, number]): Scale {
  const positive = lossRatios.filter((ratio) => ratio > 0 && Number.isFinite(ratio));
  const low = positive.length === 0 ? DEFAULT_LOSS_FLOOR : 10 ** Math.floor(Math.log10(Math.min(...positive)));
  const high = Math.max(1, ...positive);
  return logScale(low, high, rangePx);
}

/** The row for trials without loss: a shaded band under the log axis, labelled 0. */
function zeroRow(area: PlotArea, zeroY: number): string {
  const bandTopPx = area.bottomPx - ZERO_ROW_HEIGHT_PX + 6;
  return [
    element("rect", { x: area.leftPx, y: bandTopPx, width: area.rightPx - area.leftPx, height: area.bottomPx - bandTopPx, fill: "#f0f2f4" }),
    line(area.leftPx - 5, zeroY, area.leftPx, zeroY, { stroke: AXIS_COLOR }),
    text(area.leftPx - 8, zeroY + 4, "0", { "text-anchor": "end", fill: AXIS_COLOR }),
  ].join("");
}

function lossTargets(goals: readonly ReportGoal[]): Array<{ readonly goal: ReportGoal; readonly color: string }> {
  return goals.map((goal, index) => ({ goal, color: seriesColor(index) })).filter(({ goal }) => goal.lossRatio > 0);
}

function lossTargetLegend(goals: readonly ReportGoal[]): LegendItem[] {
  return lossTargets(goals).map(({ goal, color }) => ({ label: `${goal.name} loss target ${formatRatio(goal.lossRatio)}`, swatch: lineSwatch(color, "dotted") }));
}

function lossTargetLines(goals: readonly ReportGoal[], scale: Scale, area: PlotArea): string {
  return lossTargets(goals)
    .map(({ goal, color }) => {
      const y = scale.map(goal.lossRatio);
      const mark = line(area.leftPx, y, area.rightPx, y, { stroke: color, "stroke-width": 1.2, "stroke-dasharray": DASH.dotted });
      return element("g", { class: "goal-line" }, mark, title(`${goal.name} loss ratio target ${formatRatio(goal.lossRatio)}`));
    })
    .join("");
}

export function lossLoadChart(input: LossLoadChartInput): string {
  const trials = input.trials.filter((trial) => Number.isFinite(trial.loadPps) && Number.isFinite(trial.lossRatio));
  const goalLines = conditionalThroughputLines(input.goals);
  const { frame, area, legendSvg } = layoutWithLegend([...trialKindLegend(trials), ...goalLineLegend(goalLines), ...lossTargetLegend(input.goals)]);
  const logArea: PlotArea = { ...area, bottomPx: area.bottomPx - ZERO_ROW_HEIGHT_PX };
  const zeroY = area.bottomPx - ZERO_ROW_HEIGHT_PX / 2 + 3;
  const x = autoScale([...trials.map((trial) => trial.loadPps), ...goalLines.map((goalLine) => goalLine.valuePps)], [area.leftPx, area.rightPx], 6);
  const y = lossScale([...trials.map((trial) => trial.lossRatio), ...lossTargets(input.goals).map(({ goal }) => goal.lossRatio)], [logArea.bottomPx, logArea.topPx]);
  const markers = trials.map((trial) =>
    trialMarker(trialMarkerKind(trial.warmup, trial.lossRatio), x.map(trial.loadPps), trial.lossRatio > 0 ? y.map(trial.lossRatio) : zeroY, trialTooltip(trial)),
  );
  const body = [
    zeroRow(area, zeroY),
    xAxis({ scale: x, area, label: `offered load per direction (pps${x.kind === "log" ? ", log" : ""})`, formatTick: (value) => formatSi(value, 4) }),
    yAxis({ scale: y, area: logArea, label: "loss ratio (log)", formatTick: formatRatio }),
    lossTargetLines(input.goals, y, logArea),
    verticalGoalLines(goalLines, x, area),
    `<g class="points">${markers.join("")}</g>`,
    legendSvg,
  ].join("");
  const description = `Loss ratio of each of ${trials.length} trials against its load; trials without loss on the row marked 0.`;
  return svgDocument({ id: input.id, widthPx: frame.widthPx, heightPx: frame.heightPx, title: input.title, description, body });
}
