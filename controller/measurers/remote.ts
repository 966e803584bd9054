/**
 * The agent-backed Measurer: one RunTrialRequest per measure() call through an AgentClient, the
 * per-direction counters aggregated per CSIT (remote-aggregate.ts). A trial cut short by a lost
 * connection (agent restart, network) is never counted: the measurer waits for the client to
 * reconnect and repeats the whole trial under a new trial id.
 */
import type { Clock } from "../../common/clock.js";
import { isTestbenchError } from "../../common/errors.js";
import { silentLogger, type Logger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import { FailureCode } from "../../common/wire/failure-codes.js";
import type { AgentClient } from "../agents/agent-client.js";
import { backoffDelayS, compileBackoff } from "../agents/backoff.js";
import type { Measurer, TrialRequest, TrialResult } from "../search/measurer.js";
import { aggregateTrialResult } from "./remote-aggregate.js";

export interface RemoteMeasurerOptions {
  readonly client: AgentClient;
  /** 0: the agent's configured frame size. */
  readonly frameSizeBytes?: number;
  /** Port pairs; empty: the agent's configured ports. */
  readonly ports?: readonly number[];
  readonly bidirectional?: boolean;
  /** Attempts per trial, counting the first (interrupted trials and retryable Failures). */
  readonly maxAttempts?: number;
  /** Response timeout beyond the trial duration, seconds. */
  readonly trialTimeoutMarginS?: number;
  /** Prefix of trial ids, e.g. the run id. */
  readonly trialIdPrefix?: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly random?: () => number;
}

export const REMOTE_MEASURER_DEFAULTS = Object.freeze({ maxAttempts: 5, trialTimeoutMarginS: 30, bidirectional: true });

/** Failures worth waiting out before the repeat (another session's trial, a full queue). */
const WAIT_BEFORE_REPEAT = new Set<string>([FailureCode.agentBusy, FailureCode.tooManyPending]);

export class RemoteMeasurer implements Measurer {
  private trialCount = 0;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly backoff = compileBackoff();

  constructor(private readonly options: RemoteMeasurerOptions) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
  }

  async measure(request: TrialRequest, signal?: AbortSignal): Promise<TrialResult> {
    const trialNumber = ++this.trialCount;
    const maxAttempts = this.options.maxAttempts ?? REMOTE_MEASURER_DEFAULTS.maxAttempts;
    for (let attempt = 1; ; attempt++) {
      const trialId = `${this.options.trialIdPrefix ?? "trial"}-${trialNumber}${attempt > 1 ? `-attempt${attempt}` : ""}`;
      const logger = this.logger.child({ trialId });
      try {
        return await this.attempt(request, trialId, logger, signal);
      } catch (error) {
        signal?.throwIfAborted();
        const retryable = isTestbenchError(error) && error.retryable;
        if (!retryable || attempt >= maxAttempts) throw error;
        logger.warn({ err: error, attempt, maxAttempts }, "trial not completed; repeating it");
        if (WAIT_BEFORE_REPEAT.has(error.code)) await this.clock.sleep(backoffDelayS(this.backoff, attempt, this.options.random ?? Math.random), signal);
      }
    }
  }

  private async attempt(request: TrialRequest, trialId: string, logger: Logger, signal?: AbortSignal): Promise<TrialResult> {
    const connection = await this.options.client.connection(signal);
    const startedS = this.clock.monotonicS();
    const remote = await connection.call(
      {
        kind: "runTrialRequest",
        value: {
          trialId,
          durationS: request.durationS,
          loadPps: request.loadPps,
          frameSizeBytes: this.options.frameSizeBytes ?? 0,
          ports: this.options.ports ?? [],
          bidirectional: this.options.bidirectional ?? REMOTE_MEASURER_DEFAULTS.bidirectional,
        },
      },
      "runTrialResult",
      { timeoutS: request.durationS + (this.options.trialTimeoutMarginS ?? REMOTE_MEASURER_DEFAULTS.trialTimeoutMarginS), ...(signal ? { signal } : {}) },
    );
    const aggregated = aggregateTrialResult(request, remote, this.clock.monotonicS() - startedS);
    if (aggregated.negativeLossDirections > 0 || aggregated.unsentDirections > 0) {
      logger.warn({ negativeLossDirections: aggregated.negativeLossDirections, unsentDirections: aggregated.unsentDirections }, "trial counted unsent packets or negative loss as loss");
    }
    logger.debug({ result: aggregated.result }, "trial measured");
    return aggregated.result;
  }
}
