/**
 * Run one action by its definition: a "started" ActionEvent stamped on the agent's wall clock just
 * before the command or request begins, a "finished" or "failed" one when it has ended, both handed
 * to `onEvent` as they happen and returned in the RunActionResult.
 */
import type { Clock } from "../../common/clock.js";
import type { ActionEvent, RunActionResult } from "../../common/wire/types.js";
import type { WallClockNs } from "../../common/wire/wall-clock-ns.js";
import type { ActionDefinition, ParamValue } from "./action-definition.js";
import { runCommandAction } from "./command-action.js";
import { runHttpAction } from "./http-action.js";

export interface ActionRunContext {
  /** RunActionRequest.run_id or the stream id; the events' stream_id. */
  readonly runId: string;
  readonly clock: Clock;
  readonly wallClockNs: WallClockNs;
  /** Aborting it cancels the action (outcome "cancelled"). */
  readonly signal: AbortSignal;
  readonly onEvent?: (event: ActionEvent) => void;
}

export async function runAction(action: ActionDefinition, values: Readonly<Record<string, ParamValue>>, context: ActionRunContext): Promise<RunActionResult> {
  const { runId, clock, wallClockNs, signal } = context;
  const started: ActionEvent = Object.freeze({ streamId: runId, atUnixNs: wallClockNs(), action: action.name, phase: "started", exitCode: -1, detail: action.kind === "command" ? "command" : `HTTP ${action.method}` });
  context.onEvent?.(started);
  const attempt = action.kind === "command" ? await runCommandAction(action, values, clock, signal) : await runHttpAction(action, values, clock, signal);
  const ended: ActionEvent = Object.freeze({
    streamId: runId,
    atUnixNs: wallClockNs(),
    action: action.name,
    phase: attempt.outcome === "succeeded" ? "finished" : "failed",
    exitCode: attempt.exitCode,
    detail: attempt.detail,
  });
  context.onEvent?.(ended);
  return Object.freeze({
    runId,
    action: action.name,
    outcome: attempt.outcome,
    started,
    ended,
    httpStatus: attempt.httpStatus,
    stdout: attempt.stdout,
    stderr: attempt.stderr,
    outputTruncated: attempt.outputTruncated,
  });
}
