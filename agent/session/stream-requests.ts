/**
 * A session's StreamStart, StreamStop and RunActionRequest: the pending-request limit, ownership of
 * the instruments (one controller session at a time, like the generator), and cancellation of
 * everything when the session ends.
 */
import { TestbenchError } from "../../common/errors.js";
import type { Logger } from "../../common/logger.js";
import { failureFromError, makeFailure } from "../../common/wire/failure.js";
import { FailureCode } from "../../common/wire/failure-codes.js";
import type { RunActionRequest, StreamStart } from "../../common/wire/types.js";
import { validateParams } from "../actions/action-params.js";
import { runAction } from "../actions/action-runner.js";
import { SessionStreams } from "../streams/session-streams.js";
import type { PendingCount } from "./pending-count.js";
import { failureBody, type Reply, type SessionContext } from "./session-context.js";

export class StreamRequests {
  private readonly streams: SessionStreams;
  private readonly actionsInFlight = new Set<Promise<void>>();
  private readonly ended = new AbortController();

  constructor(
    private readonly sessionId: string,
    private readonly context: SessionContext,
    private readonly reply: Reply,
    private readonly logger: Logger,
    private readonly pending: PendingCount,
  ) {
    const { instruments, wallClockNs } = context;
    this.streams = new SessionStreams({ starters: instruments.starters, wallClockNs, send: reply, logger, maxStreams: instruments.maxStreamsPerSession });
  }

  startStream(requestId: number, request: StreamStart): void {
    this.admitted(requestId, { streamId: request.streamId }, () => this.streams.start(requestId, request));
  }

  stopStream(requestId: number, streamId: string): void {
    this.admitted(requestId, { streamId }, () => this.streams.stop(requestId, streamId), false);
  }

  runAction(requestId: number, request: RunActionRequest): void {
    const actionLogger = this.logger.child({ runId: request.runId, action: request.action });
    this.admitted(requestId, { runId: request.runId, action: request.action }, async () => {
      const { actions } = this.context.instruments;
      let definition, values;
      try {
        if (actions === undefined) throw new TestbenchError(FailureCode.unsupportedRequest, "this agent defines no actions; see AgentHello.capabilities");
        definition = actions.get(request.action);
        values = validateParams(definition, request.parameters);
      } catch (error) {
        actionLogger.warn({ err: error }, "action request refused");
        this.reply(requestId, failureBody(failureFromError(error)));
        return;
      }
      actionLogger.info({ parameters: values }, "action started");
      const { clock, wallClockNs } = this.context;
      const result = await runAction(definition, values, { runId: request.runId, clock, wallClockNs, signal: this.ended.signal });
      actionLogger.info({ outcome: result.outcome, detail: result.ended?.detail }, "action ended");
      this.reply(requestId, { kind: "runActionResult", value: result });
    });
  }

  /** The session ended: stop streams, cancel actions, wait for both, then release the instruments. */
  async cancelAll(): Promise<void> {
    this.ended.abort(new TestbenchError("SESSION_CLOSED", `session ${this.sessionId} closed`));
    await Promise.all([this.streams.closeAll(), Promise.allSettled([...this.actionsInFlight])]);
    this.context.instruments.ownership.release(this.sessionId);
  }

  /** Count the request, claim the instruments, run `task`; answers TOO_MANY_PENDING or AGENT_BUSY itself. */
  private admitted(requestId: number, context: Record<string, string>, task: () => Promise<void>, claim = true): void {
    const { hello, instruments } = this.context;
    if (!this.pending.tryAcquire(hello.maxPendingRequests)) {
      const message = `agent ${hello.agentId} already has ${this.pending.value} requests in flight on this connection (max_pending_requests ${hello.maxPendingRequests}); wait for one to finish`;
      this.reply(requestId, failureBody(makeFailure(FailureCode.tooManyPending, message, { retryable: true, context })));
      return;
    }
    if (claim && !instruments.ownership.tryClaim(this.sessionId)) {
      this.pending.release();
      const message = `agent ${hello.agentId} streams and actions belong to another controller session (${instruments.ownership.owner ?? "unknown"}); retry when that session ends`;
      this.reply(requestId, failureBody(makeFailure(FailureCode.agentBusy, message, { retryable: true, context: { agentId: hello.agentId, ...context } })));
      return;
    }
    const running = task()
      .catch((error: unknown) => {
        this.logger.error({ err: error, ...context }, "stream or action request failed inside the agent");
        this.reply(requestId, failureBody(failureFromError(error)));
      })
      .finally(() => {
        this.pending.release();
        this.actionsInFlight.delete(running);
      });
    this.actionsInFlight.add(running);
  }
}
