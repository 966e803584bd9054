/**
 * A controller's client of one agent: connects with its token, keeps the connection up
 * (reconnecting with exponential backoff and jitter), and estimates the agent's clock offset
 * on every new connection. Requests go through connection(); a request in flight when the
 * connection drops fails with a retryable AGENT_DISCONNECTED and is never answered late.
 */
import type { Clock } from "../../common/clock.js";
import { isTestbenchError } from "../../common/errors.js";
import { silentLogger, type Logger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import type { AgentHello, RunActionResult } from "../../common/wire/types.js";
import { createWallClockNs } from "../../common/wire/wall-clock-ns.js";
import { AgentConnection, type CallOptions, type ConnectionClosed } from "./agent-connection.js";
import { AgentClientErrorCode, agentError } from "./agent-errors.js";
import { backoffDelayS, compileBackoff, type BackoffPolicy } from "./backoff.js";
import { estimateClockOffset, type ClockOffsetEstimate } from "./clock-offset.js";
import { ConnectionWaiters } from "./connection-waiters.js";
import { openSocket } from "./open-socket.js";
import type { AgentStream } from "./agent-stream.js";
import { runActionOn, startStreamOn, type StreamRequest } from "./stream-api.js";

export { connectAgent } from "./connect-agent.js";

export interface AgentClientOptions {
  /** ws://host:port/ of the agent. */
  readonly url: string;
  readonly token: string;
  readonly controllerId?: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Uniform [0, 1) source for backoff jitter. */
  readonly random?: () => number;
  readonly backoff?: Partial<BackoffPolicy>;
  /** Longest wait for the upgrade and for the AgentHello, seconds each. */
  readonly handshakeTimeoutS?: number;
  /** Pings per new connection for the clock-offset estimate (0: none). */
  readonly clockSampleCount?: number;
}

/** How long close() waits for the closing handshake before cutting the connection off, seconds. */
const CLOSE_GRACE_S = 1;

/** Largest frame the client reads from an agent (results are a few hundred bytes; streams batch samples). */
export const MAX_INCOMING_MESSAGE_BYTES = 16 * 1024 * 1024;

export type AgentClientEvent =
  | { readonly type: "connected"; readonly hello: AgentHello; readonly clockOffset: ClockOffsetEstimate | undefined }
  | { readonly type: "disconnected"; readonly closed: ConnectionClosed }
  | { readonly type: "retrying"; readonly attempt: number; readonly delayS: number; readonly error: Error }
  | { readonly type: "gave-up"; readonly error: Error };

export class AgentClient {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly backoff: BackoffPolicy;
  private readonly stopped = new AbortController();
  private readonly waiters = new ConnectionWaiters<AgentConnection>();
  private readonly listeners = new Set<(event: AgentClientEvent) => void>();
  private readonly wallClockNs;
  private current: AgentConnection | undefined;
  private offset: ClockOffsetEstimate | undefined;
  private running: Promise<void> | undefined;
  private streamCount = 0;

  constructor(private readonly options: AgentClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.logger = (options.logger ?? silentLogger).child({ agentUrl: options.url });
    this.backoff = compileBackoff(options.backoff);
    this.wallClockNs = createWallClockNs(this.clock);
  }

  /** Begin connecting (idempotent). */
  start(): this {
    this.running ??= this.run();
    return this;
  }

  /** The live connection, waiting for (re)connection; rejects once the client has given up or closed. */
  connection(signal?: AbortSignal): Promise<AgentConnection> {
    this.start();
    if (this.current?.isOpen) return Promise.resolve(this.current);
    return this.waiters.wait(signal);
  }

  /** The estimate from the latest connection (agent clock minus controller clock). */
  get clockOffset(): ClockOffsetEstimate | undefined {
    return this.offset;
  }

  onEvent(listener: (event: AgentClientEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ping `count` times on the live connection and keep the min-round-trip estimate. */
  async measureClockOffset(count: number, signal?: AbortSignal): Promise<ClockOffsetEstimate> {
    const connection = await this.connection(signal);
    return this.estimateOn(connection, count, signal);
  }

  /** Start a stream (stream-api.ts builds requests); it dies with its connection (`ended` rejects, retryable). */
  async startStream(request: StreamRequest, options: Partial<CallOptions> = {}): Promise<AgentStream> {
    const connection = await this.connection(options.signal);
    const streamId = request.streamId ?? `${request.kind}-${++this.streamCount}`;
    return startStreamOn(connection, { ...request, streamId }, this.offset, options);
  }

  /** Run an action by name; resolves with its RunActionResult (check `outcome`), rejects with ACTION_UNKNOWN / ACTION_PARAMS_INVALID. */
  async runAction(action: string, parameters: Readonly<Record<string, string | number | boolean>> = {}, options: Partial<CallOptions> & { runId?: string } = {}): Promise<RunActionResult> {
    const connection = await this.connection(options.signal);
    return runActionOn(connection, options.runId ?? `action-${++this.streamCount}`, action, parameters, options);
  }

  /** Stop reconnecting and close the connection (politely, then cut off after CLOSE_GRACE_S). */
  async close(): Promise<void> {
    this.stopped.abort(agentError(AgentClientErrorCode.clientClosed, `Client of ${this.options.url} closed`, { context: { url: this.options.url } }));
    this.waiters.fail(this.stopped.signal.reason as Error);
    const connection = this.current;
    connection?.close();
    const grace = new AbortController();
    await Promise.race([this.running, this.clock.sleep(CLOSE_GRACE_S, grace.signal).catch(() => undefined)]);
    grace.abort();
    connection?.terminate();
    await this.running;
  }

  private emit(event: AgentClientEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private async estimateOn(connection: AgentConnection, count: number, signal?: AbortSignal): Promise<ClockOffsetEstimate> {
    const samples = [];
    const timeoutS = this.options.handshakeTimeoutS ?? 5;
    for (let index = 0; index < count; index++) samples.push(await connection.ping({ timeoutS, ...(signal ? { signal } : {}) }));
    this.offset = estimateClockOffset(samples);
    return this.offset;
  }

  private async connectOnce(): Promise<AgentConnection> {
    const signal = this.stopped.signal;
    const handshakeTimeoutS = this.options.handshakeTimeoutS ?? 5;
    const opening = openSocket({
      url: this.options.url,
      token: this.options.token,
      handshakeTimeoutS,
      maxPayloadBytes: MAX_INCOMING_MESSAGE_BYTES,
      signal,
    });
    const parameters = {
      url: this.options.url,
      controllerId: this.options.controllerId ?? "controller",
      clock: this.clock,
      wallClockNs: this.wallClockNs,
      logger: this.logger,
      helloTimeoutS: handshakeTimeoutS,
    };
    return AgentConnection.start(opening, parameters, signal);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped.signal.aborted) {
      try {
        const connection = await this.connectOnce();
        failures = 0;
        const clockOffset = await this.estimateOn(connection, this.options.clockSampleCount ?? 5, this.stopped.signal).catch((error: unknown) => {
          this.logger.warn({ err: error }, "clock-offset estimate failed");
          return undefined;
        });
        if (this.stopped.signal.aborted) {
          connection.terminate();
          break;
        }
        this.current = connection;
        this.logger.info({ agentId: connection.hello.agentId, clockOffset }, "connected to agent");
        this.emit({ type: "connected", hello: connection.hello, clockOffset });
        if (connection.isOpen) this.waiters.succeed(connection);
        const closed = await connection.closed;
        this.current = undefined;
        const level = this.stopped.signal.aborted ? "info" : "warn";
        this.logger[level]({ closeCode: closed.code, reason: closed.reason, failure: closed.failure }, "agent connection closed");
        this.emit({ type: "disconnected", closed });
      } catch (error) {
        if (this.stopped.signal.aborted) break;
        const retryable = isTestbenchError(error) && error.retryable;
        failures++;
        if (!retryable || failures >= this.backoff.maxAttempts) {
          const finalError = error instanceof Error ? error : new Error(String(error));
          this.logger.error({ err: finalError, failures }, "giving up on the agent");
          this.emit({ type: "gave-up", error: finalError });
          this.waiters.fail(finalError);
          return;
        }
        const delayS = backoffDelayS(this.backoff, failures, this.options.random ?? Math.random);
        this.emit({ type: "retrying", attempt: failures, delayS, error });
        this.logger.info({ err: error, attempt: failures, delayS }, "agent unreachable; retrying");
        await this.clock.sleep(delayS, this.stopped.signal).catch(() => undefined);
        continue;
      }
      await this.clock.sleep(backoffDelayS(this.backoff, 1, this.options.random ?? Math.random), this.stopped.signal).catch(() => undefined);
    }
  }
}
