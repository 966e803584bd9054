/**
 * Action streams: StreamStart{kind: action, source: <action name>, arguments: parameters}. The
 * action starts at once; its ActionEvents go out live; StreamStop cancels it (SIGTERM, then SIGKILL).
 * A long-running action (a dataplane started for the whole experiment) is run this way.
 */
import type { Clock } from "../../common/clock.js";
import { TestbenchError } from "../../common/errors.js";
import type { RunActionResult, StreamStart } from "../../common/wire/types.js";
import type { WallClockNs } from "../../common/wire/wall-clock-ns.js";
import type { ActionCatalog } from "../actions/action-catalog.js";
import { validateParams } from "../actions/action-params.js";
import { runAction } from "../actions/action-runner.js";
import type { EmitSample, RunningStream, StreamOutcome, StreamStarter } from "./stream-source.js";

export const ActionFailureCode = Object.freeze({
  /** The action ran and failed: non-zero exit, HTTP status outside 2xx, or it could not run. */
  failed: "ACTION_FAILED",
  /** The action did not end within its timeoutS. */
  timedOut: "ACTION_TIMEOUT",
});

/** A stream outcome for an action's result. */
export function actionOutcome(result: RunActionResult): StreamOutcome {
  const context = { action: result.action, runId: result.runId, exitCode: result.ended?.exitCode ?? -1, httpStatus: result.httpStatus };
  const detail = result.ended?.detail ?? "";
  switch (result.outcome) {
    case "succeeded":
      return { reason: "done", action: result };
    case "cancelled":
      return { reason: "stopped", action: result };
    case "timed-out":
      return { reason: "failed", action: result, error: new TestbenchError(ActionFailureCode.timedOut, `action ${result.action}: ${detail}`, { context }) };
    default:
      return { reason: "failed", action: result, error: new TestbenchError(ActionFailureCode.failed, `action ${result.action} failed: ${detail}`, { context }) };
  }
}

export class ActionStreamStarter implements StreamStarter {
  constructor(private readonly dependencies: { readonly actions: ActionCatalog; readonly clock: Clock; readonly wallClockNs: WallClockNs }) {}

  start(request: StreamStart, emit: EmitSample, signal: AbortSignal): Promise<RunningStream> {
    const { actions, clock, wallClockNs } = this.dependencies;
    const action = actions.get(request.source);
    const values = validateParams(action, request.arguments);
    const stopper = new AbortController();
    const result = runAction(action, values, {
      runId: request.streamId,
      clock,
      wallClockNs,
      signal: AbortSignal.any([signal, stopper.signal]),
      onEvent: (event) => emit({ kind: "actionEvent", value: event }),
    });
    return Promise.resolve({ ended: result.then(actionOutcome), stop: () => stopper.abort() });
  }
}
