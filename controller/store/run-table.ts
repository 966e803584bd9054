/**
 * The `runs` table: experiment x replication runs of a campaign and their status machine:
 * pending -> running -> succeeded | failed | interrupted, and back to running on resume
 * (from interrupted or failed). Every change is one statement, so it is atomic.
 */
import { RUN_KINDS, RUN_STATUSES, type NewRun, type RunRecord, type RunStatus } from "./records.js";
import type { StoreContext } from "./statements.js";
import { storeUserError } from "./store-errors.js";
import {
  enumColumn,
  integerColumn,
  integerParam,
  jsonColumn,
  jsonParam,
  optionalRealColumn,
  optionalTextColumn,
  realParam,
  textColumn,
} from "./values.js";

const COLUMNS =
  "id, campaign_id, experiment_key, replication, seed, kind, parameters_json, testbed, status, attempts, error_code, error_message, started_at_ms, ended_at_ms";

function runFromRow(row: Record<string, unknown>, file: string): RunRecord {
  return Object.freeze({
    id: integerColumn(row["id"], "runs.id", file),
    campaignId: integerColumn(row["campaign_id"], "runs.campaign_id", file),
    experimentKey: textColumn(row["experiment_key"], "runs.experiment_key", file),
    replication: integerColumn(row["replication"], "runs.replication", file),
    seed: integerColumn(row["seed"], "runs.seed", file),
    kind: enumColumn(row["kind"], RUN_KINDS, "runs.kind", file),
    parameters: jsonColumn(row["parameters_json"], "runs.parameters_json", file),
    testbed: optionalTextColumn(row["testbed"], "runs.testbed", file),
    status: enumColumn(row["status"], RUN_STATUSES, "runs.status", file),
    attempts: integerColumn(row["attempts"], "runs.attempts", file),
    errorCode: optionalTextColumn(row["error_code"], "runs.error_code", file),
    errorMessage: optionalTextColumn(row["error_message"], "runs.error_message", file),
    startedAtMs: optionalRealColumn(row["started_at_ms"], "runs.started_at_ms", file),
    endedAtMs: optionalRealColumn(row["ended_at_ms"], "runs.ended_at_ms", file),
  });
}

/** A readable name for a run in messages: `run 7 ("throughput/hard-10M" #1)`. */
export function describeRun(run: RunRecord): string {
  return `run ${run.id} (${JSON.stringify(run.experimentKey)} #${run.replication})`;
}

export function insertRun(ctx: StoreContext, campaignId: number, run: NewRun): RunRecord {
  const replication = integerParam(run.replication, "run replication", ctx.file);
  const existing = ctx.statement("SELECT id FROM runs WHERE campaign_id = ? AND experiment_key = ? AND replication = ?").get(campaignId, run.experimentKey, replication);
  if (existing !== undefined) {
    throw storeUserError("STORE_RUN_DUPLICATE", `campaign ${campaignId} in ${ctx.file} already has a run of ${JSON.stringify(run.experimentKey)} replication ${run.replication}`, {
      file: ctx.file,
      context: { campaignId, experimentKey: run.experimentKey, replication: run.replication },
    });
  }
  const row = ctx
    .statement(`INSERT INTO runs (campaign_id, experiment_key, replication, seed, kind, parameters_json, status) VALUES (?, ?, ?, ?, ?, ?, 'pending') RETURNING ${COLUMNS}`)
    .get(campaignId, run.experimentKey, replication, integerParam(run.seed, "run seed", ctx.file), run.kind, jsonParam(run.parameters, "run parameters", ctx.file)) as Record<string, unknown>;
  return runFromRow(row, ctx.file);
}

export function runById(ctx: StoreContext, id: number): RunRecord | undefined {
  const row = ctx.statement(`SELECT ${COLUMNS} FROM runs WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return row === undefined ? undefined : runFromRow(row, ctx.file);
}

/** The runs of a campaign in the order they were added. */
export function runsOfCampaign(ctx: StoreContext, campaignId: number): RunRecord[] {
  const rows = ctx.statement(`SELECT ${COLUMNS} FROM runs WHERE campaign_id = ? ORDER BY id`).all(campaignId) as Array<Record<string, unknown>>;
  return rows.map((row) => runFromRow(row, ctx.file));
}

export function requireRun(ctx: StoreContext, id: number): RunRecord {
  const run = runById(ctx, id);
  if (run === undefined) {
    throw storeUserError("STORE_RUN_UNKNOWN", `run ${id} is not in the store ${ctx.file}`, { file: ctx.file, context: { runId: id } });
  }
  return run;
}

export function runStateError(ctx: StoreContext, run: RunRecord, action: string, allowed: readonly RunStatus[]): Error {
  return storeUserError("STORE_RUN_STATE_INVALID", `cannot ${action} ${describeRun(run)} in ${ctx.file}: it is ${run.status}, and only a ${allowed.join(" or ")} run can`, {
    file: ctx.file,
    context: { runId: run.id, status: run.status, action },
  });
}

interface Transition {
  readonly action: string;
  readonly from: readonly RunStatus[];
  readonly to: RunStatus;
  /** Extra `column = @param` assignments. */
  readonly set: string;
  readonly params: Readonly<Record<string, unknown>>;
}

function transition(ctx: StoreContext, id: number, change: Transition): RunRecord {
  const run = requireRun(ctx, id);
  if (!change.from.includes(run.status)) throw runStateError(ctx, run, change.action, change.from);
  const row = ctx.statement(`UPDATE runs SET status = @to, ${change.set} WHERE id = @id RETURNING ${COLUMNS}`).get({ ...change.params, to: change.to, id }) as Record<string, unknown>;
  return runFromRow(row, ctx.file);
}

export function startRun(ctx: StoreContext, id: number, testbed: string, nowMs: number): RunRecord {
  return transition(ctx, id, {
    action: "start",
    from: ["pending", "interrupted", "failed"],
    to: "running",
    set: "testbed = @testbed, attempts = attempts + 1, started_at_ms = @now, ended_at_ms = NULL, error_code = NULL, error_message = NULL",
    params: { testbed, now: realParam(nowMs, "run started_at_ms", ctx.file) },
  });
}

export function endRun(ctx: StoreContext, id: number, to: "succeeded" | "failed", error: { code: string; message: string } | null, nowMs: number): RunRecord {
  return transition(ctx, id, {
    action: to === "succeeded" ? "mark as succeeded" : "mark as failed",
    from: ["running"],
    to,
    set: "ended_at_ms = @now, error_code = @code, error_message = @message",
    params: { now: realParam(nowMs, "run ended_at_ms", ctx.file), code: error?.code ?? null, message: error?.message ?? null },
  });
}

export function interruptRun(ctx: StoreContext, id: number, nowMs: number): RunRecord {
  return transition(ctx, id, {
    action: "mark as interrupted",
    from: ["running"],
    to: "interrupted",
    set: "ended_at_ms = @now",
    params: { now: realParam(nowMs, "run ended_at_ms", ctx.file) },
  });
}

/**
 * Runs a dead controller left running: now interrupted, ended at their last stored trial's end
 * (the last sign of life; their start when they stored none). Returns their ids.
 */
export function interruptRunningRuns(ctx: StoreContext): number[] {
  const rows = ctx
    .statement(
      `UPDATE runs SET status = 'interrupted',
         ended_at_ms = COALESCE((SELECT max(ended_at_ms) FROM trials WHERE trials.run_id = runs.id), started_at_ms)
       WHERE status = 'running' RETURNING id`,
    )
    .all() as Array<Record<string, unknown>>;
  return rows.map((row) => integerColumn(row["id"], "runs.id", ctx.file)).sort((a, b) => a - b);
}
