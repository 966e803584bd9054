/** Per-goal reference lines drawn across a plot: conditional throughput (horizontal or vertical) and loss targets. */
import { formatPps, formatRatio } from "../format.js";
import type { ReportGoal } from "../model.js";
import { DASH, lineSwatch, type LegendItem } from "./legend.js";
import { seriesColor } from "./markers.js";
import type { PlotArea } from "./frame.js";
import type { Scale } from "./scale.js";
import { element, line, title } from "./svg.js";

export interface GoalLine {
  readonly goal: ReportGoal;
  readonly color: string;
  readonly valuePps: number;
}

/** Goals with a conditional throughput, each with its series colour (by goal position). */
export function conditionalThroughputLines(goals: readonly ReportGoal[]): GoalLine[] {
  return goals.flatMap((goal, index) =>
    goal.conditionalThroughputPps === null ? [] : [{ goal, color: seriesColor(index), valuePps: goal.conditionalThroughputPps }],
  );
}

export function goalLineLegend(lines: readonly GoalLine[]): LegendItem[] {
  return lines.map(({ goal, color, valuePps }) => ({ label: `${goal.name} conditional throughput ${formatPps(valuePps, 4)}`, swatch: lineSwatch(color, "dashed") }));
}

function tooltipOf({ goal, valuePps }: GoalLine): string {
  return `${goal.name} (loss ratio ${formatRatio(goal.lossRatio)}): conditional throughput ${formatPps(valuePps)}`;
}

export function horizontalGoalLines(lines: readonly GoalLine[], scale: Scale, area: PlotArea): string {
  return lines
    .map((goalLine) => {
      const y = scale.map(goalLine.valuePps);
      return element("g", { class: "goal-line" }, line(area.leftPx, y, area.rightPx, y, { stroke: goalLine.color, "stroke-width": 1.5, "stroke-dasharray": DASH.dashed }), title(tooltipOf(goalLine)));
    })
    .join("");
}

export function verticalGoalLines(lines: readonly GoalLine[], scale: Scale, area: PlotArea): string {
  return lines
    .map((goalLine) => {
      const x = scale.map(goalLine.valuePps);
      return element("g", { class: "goal-line" }, line(x, area.topPx, x, area.bottomPx, { stroke: goalLine.color, "stroke-width": 1.5, "stroke-dasharray": DASH.dashed }), title(tooltipOf(goalLine)));
    })
    .join("");
}
