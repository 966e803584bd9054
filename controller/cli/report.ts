/**
 * The one shape every search result is printed in, human (a table) or --json
 * (exactly one JSON object, keys as documented in docs/cli.md).
 */
import type { TestbenchError } from "../../common/errors.js";
import type { TrialResult } from "../search/measurer.js";
import type { GoalResult } from "../search/mlr/result.js";

export type ReportGoal = Pick<GoalResult, "name" | "lossRatio" | "conditionalThroughputPps" | "relevantLowerBoundPps" | "relevantUpperBoundPps" | "regular">;

export interface SearchReport {
  readonly goals: readonly ReportGoal[];
  readonly trials: number;
  /** Sum of intended trial durations. */
  readonly trialSecondsSum: number;
  /** Sum of effective trial durations (with overheads). */
  readonly effectiveSecondsSum: number;
  readonly error: string | null;
  readonly errorCode: string | null;
}

export function buildReport(goals: readonly ReportGoal[], trials: readonly TrialResult[], error: TestbenchError | null): SearchReport {
  return {
    goals: goals.map(({ name, lossRatio, conditionalThroughputPps, relevantLowerBoundPps, relevantUpperBoundPps, regular }) => ({
      name,
      lossRatio,
      conditionalThroughputPps,
      relevantLowerBoundPps,
      relevantUpperBoundPps,
      regular,
    })),
    trials: trials.length,
    trialSecondsSum: trials.reduce((sum, trial) => sum + trial.durationS, 0),
    effectiveSecondsSum: trials.reduce((sum, trial) => sum + trial.durationWithOverheadsS, 0),
    error: error ? error.message : null,
    errorCode: error ? error.code : null,
  };
}

export function reportJson(report: SearchReport): string {
  const { errorCode: _errorCode, ...documented } = report;
  return JSON.stringify(documented);
}

function formatPps(value: number | null): string {
  if (value === null) return "-";
  return `${value.toLocaleString("en-US", { maximumFractionDigits: 0 })} pps`;
}

function formatSeconds(value: number): string {
  return `${Number(value.toFixed(3))} s`;
}

/** A plain-text table: one row a goal, then a total row with trial counts. */
export function reportTable(report: SearchReport): string {
  const header = ["goal", "conditional throughput", "relevant lower bound", "relevant upper bound", "regular", "trials", "trial-seconds"];
  const rows = report.goals.map((goal) => [
    `${goal.name} (loss ${goal.lossRatio})`,
    formatPps(goal.conditionalThroughputPps),
    formatPps(goal.relevantLowerBoundPps),
    formatPps(goal.relevantUpperBoundPps),
    goal.regular ? "yes" : "no",
    "",
    "",
  ]);
  const effective = report.effectiveSecondsSum !== report.trialSecondsSum ? ` (${formatSeconds(report.effectiveSecondsSum)} effective)` : "";
  rows.push(["total", "", "", "", "", String(report.trials), `${formatSeconds(report.trialSecondsSum)}${effective}`]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ").trimEnd();
  const out = [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)];
  if (report.error) out.push("", `search failed: ${report.error}`);
  return out.join("\n");
}
