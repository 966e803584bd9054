/** The `results` table: per run, one row per goal (throughput) or the soak estimate. */
import type { NewResult, StoredResult } from "./records.js";
import type { StoreContext } from "./statements.js";
import { storeUserError } from "./store-errors.js";
import { enumColumn, integerColumn, optionalIntegerColumn, optionalJsonColumn, optionalJsonParam, optionalRealColumn, optionalRealParam, realColumn, realParam, textColumn } from "./values.js";

const COLUMNS =
  "run_id, goal_name, position, kind, loss_ratio, conditional_throughput_pps, relevant_lower_bound_pps, relevant_upper_bound_pps, regular, average_pps, stdev_pps, extra_json";

function resultFromRow(row: Record<string, unknown>, file: string): StoredResult {
  const common = {
    runId: integerColumn(row["run_id"], "results.run_id", file),
    goalName: textColumn(row["goal_name"], "results.goal_name", file),
    lossRatio: realColumn(row["loss_ratio"], "results.loss_ratio", file),
    extra: optionalJsonColumn(row["extra_json"], "results.extra_json", file),
  };
  if (enumColumn(row["kind"], ["goal", "soak"] as const, "results.kind", file) === "soak") {
    return Object.freeze({
      ...common,
      kind: "soak",
      averagePps: realColumn(row["average_pps"], "results.average_pps", file),
      stdevPps: realColumn(row["stdev_pps"], "results.stdev_pps", file),
    });
  }
  return Object.freeze({
    ...common,
    kind: "goal",
    conditionalThroughputPps: optionalRealColumn(row["conditional_throughput_pps"], "results.conditional_throughput_pps", file),
    relevantLowerBoundPps: optionalRealColumn(row["relevant_lower_bound_pps"], "results.relevant_lower_bound_pps", file),
    relevantUpperBoundPps: optionalRealColumn(row["relevant_upper_bound_pps"], "results.relevant_upper_bound_pps", file),
    regular: optionalIntegerColumn(row["regular"], "results.regular", file) === 1,
  });
}

/** Replace the run's results with these; call inside a write transaction. */
export function replaceResults(ctx: StoreContext, runId: number, results: readonly NewResult[]): void {
  const file = ctx.file;
  const names = results.map((result) => result.goalName);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) {
    throw storeUserError("STORE_VALUE_INVALID", `cannot store the results of run ${runId} in ${file}: goal ${JSON.stringify(repeated)} appears twice`, {
      file,
      context: { runId, field: "goalName", value: repeated },
    });
  }
  ctx.statement("DELETE FROM results WHERE run_id = ?").run(runId);
  const insert = ctx.statement(`INSERT INTO results (${COLUMNS}) VALUES (@runId, @goalName, @position, @kind, @lossRatio, @ct, @rlb, @rub, @regular, @average, @stdev, @extra)`);
  results.forEach((result, position) => {
    const goal = result.kind === "goal" ? result : null;
    const soak = result.kind === "soak" ? result : null;
    insert.run({
      runId,
      goalName: result.goalName,
      kind: result.kind,
      lossRatio: realParam(result.lossRatio, `result ${result.goalName} lossRatio`, file),
      ct: optionalRealParam(goal?.conditionalThroughputPps, `result ${result.goalName} conditionalThroughputPps`, file),
      rlb: optionalRealParam(goal?.relevantLowerBoundPps, `result ${result.goalName} relevantLowerBoundPps`, file),
      rub: optionalRealParam(goal?.relevantUpperBoundPps, `result ${result.goalName} relevantUpperBoundPps`, file),
      regular: goal === null ? null : goal.regular ? 1 : 0,
      average: soak === null ? null : realParam(soak.averagePps, `result ${result.goalName} averagePps`, file),
      stdev: soak === null ? null : realParam(soak.stdevPps, `result ${result.goalName} stdevPps`, file),
      extra: optionalJsonParam(result.extra, `result ${result.goalName} extra`, file),
      position,
    });
  });
}

export function resultsOfRun(ctx: StoreContext, runId: number): StoredResult[] {
  const rows = ctx.statement(`SELECT ${COLUMNS} FROM results WHERE run_id = ? ORDER BY position`).all(runId) as Array<Record<string, unknown>>;
  return rows.map((row) => resultFromRow(row, ctx.file));
}
