/**
 * The `trials` table: every trial of a run, request and result counters, in measurement order.
 * Counts are bound as 64-bit integers and read back exactly. Trial indexes are 1, 2, 3, ... per
 * run with no gaps or repeats, checked in the inserting transaction.
 */
import type { TrialResult } from "../search/measurer.js";
import type { NewTrial, StoredTrial } from "./records.js";
import { describeRun, requireRun, runStateError } from "./run-table.js";
import type { StoreContext } from "./statements.js";
import { storeUserError } from "./store-errors.js";
import {
  integerColumn,
  integerParam,
  optionalIntegerColumn,
  optionalJsonColumn,
  optionalJsonParam,
  optionalRealColumn,
  optionalRealParam,
  realColumn,
  realParam,
} from "./values.js";

const COLUMNS =
  "run_id, trial_index, warmup, duration_s, load_pps, intended_count, offered_count, forwarded_count, lost_count, offered_duration_s, duration_with_overheads_s, started_at_ms, ended_at_ms, directions_json, power_json";

function trialFromRow(row: Record<string, unknown>, file: string): StoredTrial {
  const result: TrialResult = Object.freeze({
    durationS: realColumn(row["duration_s"], "trials.duration_s", file),
    loadPps: realColumn(row["load_pps"], "trials.load_pps", file),
    intendedCount: integerColumn(row["intended_count"], "trials.intended_count", file),
    offeredCount: integerColumn(row["offered_count"], "trials.offered_count", file),
    forwardedCount: integerColumn(row["forwarded_count"], "trials.forwarded_count", file),
    lostCount: integerColumn(row["lost_count"], "trials.lost_count", file),
    offeredDurationS: realColumn(row["offered_duration_s"], "trials.offered_duration_s", file),
    durationWithOverheadsS: realColumn(row["duration_with_overheads_s"], "trials.duration_with_overheads_s", file),
  });
  return Object.freeze({
    runId: integerColumn(row["run_id"], "trials.run_id", file),
    index: integerColumn(row["trial_index"], "trials.trial_index", file),
    warmup: integerColumn(row["warmup"], "trials.warmup", file) === 1,
    result,
    startedAtMs: optionalRealColumn(row["started_at_ms"], "trials.started_at_ms", file),
    endedAtMs: optionalRealColumn(row["ended_at_ms"], "trials.ended_at_ms", file),
    directions: optionalJsonColumn(row["directions_json"], "trials.directions_json", file),
    power: optionalJsonColumn(row["power_json"], "trials.power_json", file),
  });
}

/** How many trials a run has stored (its last trial index). */
export function trialCountOfRun(ctx: StoreContext, runId: number): number {
  const row = ctx.statement("SELECT max(trial_index) AS last FROM trials WHERE run_id = ?").get(runId) as { last: unknown };
  return optionalIntegerColumn(row.last, "trials.trial_index", ctx.file) ?? 0;
}

/** Store one trial of a running run; call inside a write transaction. */
export function insertTrial(ctx: StoreContext, runId: number, trial: NewTrial): void {
  const run = requireRun(ctx, runId);
  if (run.status !== "running") throw runStateError(ctx, run, `store trial ${trial.index} of`, ["running"]);
  const stored = trialCountOfRun(ctx, runId);
  if (trial.index !== stored + 1) {
    throw storeUserError("STORE_TRIAL_INDEX_INVALID", `cannot store trial ${trial.index} of ${describeRun(run)} in ${ctx.file}: ${stored} trials are stored, so the next one is trial ${stored + 1}`, {
      file: ctx.file,
      context: { runId, trialIndex: trial.index, storedTrials: stored },
    });
  }
  const { result } = trial;
  const file = ctx.file;
  ctx.statement(`INSERT INTO trials (${COLUMNS}) VALUES (@runId, @index, @warmup, @durationS, @loadPps, @intended, @offered, @forwarded, @lost, @offeredDurationS, @overheadsS, @startedAtMs, @endedAtMs, @directions, @power)`).run({
    runId,
    index: integerParam(trial.index, "trial index", file),
    warmup: trial.warmup ? 1 : 0,
    durationS: realParam(result.durationS, "trial durationS", file),
    loadPps: realParam(result.loadPps, "trial loadPps", file),
    intended: integerParam(result.intendedCount, "trial intendedCount", file),
    offered: integerParam(result.offeredCount, "trial offeredCount", file),
    forwarded: integerParam(result.forwardedCount, "trial forwardedCount", file),
    lost: integerParam(result.lostCount, "trial lostCount", file),
    offeredDurationS: realParam(result.offeredDurationS, "trial offeredDurationS", file),
    overheadsS: realParam(result.durationWithOverheadsS, "trial durationWithOverheadsS", file),
    startedAtMs: optionalRealParam(trial.startedAtMs, "trial startedAtMs", file),
    endedAtMs: optionalRealParam(trial.endedAtMs, "trial endedAtMs", file),
    directions: optionalJsonParam(trial.directions, "trial directions", file),
    power: optionalJsonParam(trial.power, "trial power", file),
  });
}

/** Up to `limit` trials of a run after trial `afterIndex`, in order (pages for exports). */
export function trialPage(ctx: StoreContext, runId: number, afterIndex: number, limit: number): StoredTrial[] {
  const rows = ctx.statement(`SELECT ${COLUMNS} FROM trials WHERE run_id = ? AND trial_index > ? ORDER BY trial_index LIMIT ?`).all(runId, afterIndex, limit) as Array<
    Record<string, unknown>
  >;
  return rows.map((row) => trialFromRow(row, ctx.file));
}

/** Every trial of a run, in order. */
export function trialsOfRun(ctx: StoreContext, runId: number): StoredTrial[] {
  requireRun(ctx, runId);
  return trialPage(ctx, runId, 0, -1);
}
