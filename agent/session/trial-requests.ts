/**
 * A session's RunTrialRequests: the pending-request limit, validation, generator ownership,
 * one trial at a time, and cancellation of everything in flight when the session ends.
 */
import type { Logger } from "../../common/logger.js";
import { makeFailure, failureFromError } from "../../common/wire/failure.js";
import { FailureCode } from "../../common/wire/failure-codes.js";
import type { RunTrialRequest } from "../../common/wire/types.js";
import type { GeneratorTrialRequest } from "../drivers/traffic-generator.js";
import { PendingCount } from "./pending-count.js";
import { failureBody, type Reply, type SessionContext } from "./session-context.js";
import { toRunTrialResult } from "./trial-result.js";
import { validateTrialRequest } from "./trial-validation.js";

export class TrialRequests {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abortController = new AbortController();

  constructor(
    private readonly sessionId: string,
    private readonly context: SessionContext,
    private readonly reply: Reply,
    private readonly logger: Logger,
    /** Shared by every request kind of the connection. */
    private readonly pending: PendingCount = new PendingCount(),
  ) {}

  get pendingCount(): number {
    return this.inFlight.size;
  }

  handle(requestId: number, request: RunTrialRequest): void {
    const { hello, trialDefaults, ownership } = this.context;
    if (!this.pending.tryAcquire(hello.maxPendingRequests)) {
      const message = `agent ${hello.agentId} already has ${this.pending.value} requests in flight on this connection (max_pending_requests ${hello.maxPendingRequests}); wait for one to finish`;
      this.reply(requestId, failureBody(makeFailure(FailureCode.tooManyPending, message, { retryable: true, context: { trialId: request.trialId } })));
      return;
    }
    let generatorRequest: GeneratorTrialRequest;
    try {
      generatorRequest = validateTrialRequest(request, trialDefaults);
    } catch (error) {
      this.pending.release();
      this.logger.warn({ trialId: request.trialId, err: error }, "trial request refused");
      this.reply(requestId, failureBody(failureFromError(error)));
      return;
    }
    if (!ownership.tryClaim(this.sessionId)) {
      this.pending.release();
      const message = `agent ${hello.agentId} is running trials for another controller session (${ownership.owner ?? "unknown"}); retry when that session ends`;
      this.reply(requestId, failureBody(makeFailure(FailureCode.agentBusy, message, { retryable: true, context: { agentId: hello.agentId, trialId: request.trialId } })));
      return;
    }
    const trialLogger = this.logger.child({ trialId: request.trialId });
    const signal = this.abortController.signal;
    const task = this.context.trialQueue
      .run(() => {
        trialLogger.info({ durationS: generatorRequest.durationS, loadPps: generatorRequest.loadPps, ports: generatorRequest.ports }, "trial started");
        return this.context.generator.runTrial(generatorRequest, signal);
      }, signal)
      .then(
        (outcome) => {
          trialLogger.info({ offeredDurationS: outcome.offeredDurationS, durationWithOverheadsS: outcome.durationWithOverheadsS }, "trial finished");
          this.reply(requestId, { kind: "runTrialResult", value: toRunTrialResult(request.trialId, outcome) });
        },
        (error: unknown) => {
          if (signal.aborted) {
            trialLogger.warn({ reason: String(signal.reason) }, "trial abandoned: the session ended");
            return;
          }
          trialLogger.error({ err: error }, "trial failed");
          this.reply(requestId, failureBody(failureFromError(error)));
        },
      )
      .catch((error: unknown) => trialLogger.error({ err: error }, "trial outcome could not be sent"));
    this.inFlight.add(task);
    void task.finally(() => {
      this.inFlight.delete(task);
      this.pending.release();
    });
  }

  /** The session ended: abort every trial, wait until they have settled, then give up the generator. */
  async cancelAll(reason: Error): Promise<void> {
    this.abortController.abort(reason);
    await Promise.allSettled([...this.inFlight]);
    this.context.ownership.release(this.sessionId);
  }
}
