/**
 * One live, authenticated connection to an agent: hello exchange, request/response correlation
 * with per-request timeouts and AbortSignals, ping-based clock samples, liveness watchdog.
 * It never reconnects; AgentClient does.
 */
import type { WebSocket } from "ws";
import type { Clock } from "../../common/clock.js";
import type { TestbenchError } from "../../common/errors.js";
import type { Logger } from "../../common/logger.js";
import { decodeEnvelope, encodeEnvelope, type DecodedEnvelope } from "../../common/wire/codec.js";
import { FailureCode } from "../../common/wire/failure-codes.js";
import { errorFromFailure } from "../../common/wire/failure.js";
import { CloseCode, PROTOCOL_VERSION } from "../../common/wire/protocol.js";
import { SOFTWARE_VERSION } from "../../common/wire/software-version.js";
import type { AgentHello, WireBodies, WireBody, WireBodyKind, WireFailure } from "../../common/wire/types.js";
import type { WallClockNs } from "../../common/wire/wall-clock-ns.js";
import { AgentClientErrorCode, agentError } from "./agent-errors.js";
import type { ClockSample } from "./clock-offset.js";
import { watchConnection } from "./connection-watchdog.js";
import { checkAgentHello } from "./hello-check.js";
import { PendingRequests } from "./pending-requests.js";
import type { OpeningSocket } from "./open-socket.js";
import { sendRequest, type CallOptions } from "./send-request.js";
import { StreamRouter } from "./stream-router.js";

export type { CallOptions } from "./send-request.js";

export interface ConnectionParameters {
  readonly url: string;
  readonly controllerId: string;
  readonly clock: Clock;
  readonly wallClockNs: WallClockNs;
  readonly logger: Logger;
  /** Longest wait for the AgentHello after the upgrade, seconds. */
  readonly helloTimeoutS: number;
}

export interface ConnectionClosed {
  readonly code: number;
  readonly reason: string;
  /** The Failure the agent sent before closing, if it explained itself. */
  readonly failure?: WireFailure;
}

export class AgentConnection {
  private nextId = 1;
  private lastHeardS: number;
  private open = true;
  private closeFailure: WireFailure | undefined;
  private helloValue: AgentHello | undefined;
  private readonly pending = new PendingRequests();
  /** Stream handles of this connection (controller/agents/stream-api.ts registers them). */
  readonly streams = new StreamRouter();
  private readonly stopped = new AbortController();
  private readonly helloWaiter: { resolve: (hello: AgentHello) => void; reject: (error: Error) => void };
  private readonly helloPromise: Promise<AgentHello>;
  readonly closed: Promise<ConnectionClosed>;

  /** Take over an opening socket (before any frame can arrive), then complete the hello exchange. */
  static async start(opening: OpeningSocket, parameters: ConnectionParameters, signal?: AbortSignal): Promise<AgentConnection> {
    const connection = new AgentConnection(opening.socket, parameters);
    await opening.opened;
    const timer = new AbortController();
    const onAbort = (): void => connection.terminate();
    signal?.addEventListener("abort", onAbort, { once: true });
    parameters.clock.sleep(parameters.helloTimeoutS, timer.signal).then(
      () => connection.terminate(),
      () => undefined,
    );
    try {
      await connection.helloPromise;
      connection.sendBody({ kind: "controllerHello", value: { controllerId: parameters.controllerId, softwareVersion: SOFTWARE_VERSION, protocolVersion: PROTOCOL_VERSION } });
      return connection;
    } catch (error) {
      signal?.throwIfAborted();
      throw error;
    } finally {
      timer.abort();
      signal?.removeEventListener("abort", onAbort);
    }
  }

  private constructor(
    private readonly socket: WebSocket,
    private readonly parameters: ConnectionParameters,
  ) {
    this.lastHeardS = parameters.clock.monotonicS();
    let helloWaiter!: AgentConnection["helloWaiter"];
    this.helloPromise = new Promise<AgentHello>((resolve, reject) => (helloWaiter = { resolve, reject }));
    this.helloPromise.catch(() => undefined);
    this.helloWaiter = helloWaiter;
    let resolveClosed!: (closed: ConnectionClosed) => void;
    this.closed = new Promise((resolve) => (resolveClosed = resolve));
    socket.on("message", (data: Buffer, isBinary: boolean) => this.onMessage(data, isBinary));
    socket.on("ping", () => (this.lastHeardS = parameters.clock.monotonicS()));
    socket.on("error", (error) => parameters.logger.warn({ err: error, url: parameters.url }, "agent connection error"));
    socket.on("close", (code: number, reason: Buffer) => resolveClosed(this.onClose(code, reason.toString("utf8"))));
  }

  get hello(): AgentHello {
    if (this.helloValue === undefined) throw new Error("AgentConnection.hello read before the hello exchange completed");
    return this.helloValue;
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Send a request and resolve with the response of kind `expected`; a Failure rejects with its code. */
  call<K extends WireBodyKind>(body: WireBody, expected: K, options: CallOptions): Promise<WireBodies[K]> {
    if (!this.open) return Promise.reject(this.disconnectedError("not connected"));
    const id = this.nextId++;
    const bytes = encodeEnvelope({ id, correlationId: 0, body });
    const context = { agentId: this.hello.agentId, url: this.parameters.url, request: body.kind };
    return sendRequest({ id, bytes, expected, options, context, pending: this.pending, clock: this.parameters.clock, maxMessageBytes: this.hello.maxMessageBytes, send: (data) => this.socket.send(data) });
  }

  /** One Ping/Pong exchange: the four timestamps of a clock-offset sample. */
  async ping(options: CallOptions): Promise<ClockSample> {
    const t1UnixNs = this.parameters.wallClockNs();
    const pong = await this.call({ kind: "ping", value: { t1UnixNs } }, "pong", options);
    const t4UnixNs = this.parameters.wallClockNs();
    return Object.freeze({ t1UnixNs, t2UnixNs: pong.t2UnixNs, t3UnixNs: pong.t3UnixNs, t4UnixNs });
  }

  close(code: number = CloseCode.normal, reason = "controller done"): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(code, reason);
  }

  terminate(): void {
    this.socket.terminate();
  }

  private sendBody(body: WireBody): void {
    this.socket.send(encodeEnvelope({ id: this.nextId++, correlationId: 0, body }));
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    this.lastHeardS = this.parameters.clock.monotonicS();
    let envelope: DecodedEnvelope;
    try {
      if (!isBinary) throw new Error("text frame");
      envelope = decodeEnvelope(data);
    } catch (error) {
      this.parameters.logger.error({ err: error, url: this.parameters.url }, "agent sent a malformed frame; closing");
      this.socket.close(CloseCode.invalidPayload, FailureCode.wireMalformed);
      return;
    }
    if (envelope.body === undefined) return;
    if (this.helloValue === undefined) {
      this.onFirstMessage(envelope);
    } else if (envelope.correlationId !== 0) {
      if (!this.pending.settle(envelope.correlationId, envelope.body)) this.parameters.logger.debug({ correlationId: envelope.correlationId }, "response nobody waits for");
    } else if (!this.streams.deliver(envelope.body) && envelope.body.kind === "failure") {
      this.closeFailure = envelope.body.value;
      this.parameters.logger.warn({ failure: envelope.body.value, agentId: this.helloValue.agentId }, "agent reported a failure");
    }
  }

  private onFirstMessage(envelope: Exclude<DecodedEnvelope, { body: undefined }>): void {
    const checked: AgentHello | TestbenchError = checkAgentHello(envelope, this.parameters.url);
    if (checked instanceof Error) {
      if (envelope.body.kind === "failure") this.closeFailure = envelope.body.value;
      this.helloWaiter.reject(checked);
      this.close(CloseCode.policyViolation, checked.code);
      return;
    }
    this.helloValue = checked;
    watchConnection({
      heartbeatIntervalS: checked.heartbeatIntervalS,
      clock: this.parameters.clock,
      lastHeardS: () => this.lastHeardS,
      signal: this.stopped.signal,
      onSilent: (silentS) => {
        this.parameters.logger.warn({ agentId: checked.agentId, silentS }, "agent silent beyond its heartbeat; terminating the connection");
        this.terminate();
      },
    });
    this.helloWaiter.resolve(checked);
  }

  private onClose(code: number, reason: string): ConnectionClosed {
    this.open = false;
    this.stopped.abort();
    const error = this.closeFailure ? errorFromFailure(this.closeFailure, { url: this.parameters.url }) : this.disconnectedError(`closed with code ${code}${reason ? ` (${reason})` : ""}`);
    this.pending.rejectAll(error);
    this.streams.failAll(error);
    this.helloWaiter.reject(error);
    return Object.freeze({ code, reason, ...(this.closeFailure ? { failure: this.closeFailure } : {}) });
  }

  private disconnectedError(detail: string): TestbenchError {
    const agentId = this.helloValue?.agentId ?? "?";
    return agentError(AgentClientErrorCode.disconnected, `Connection to agent ${agentId} at ${this.parameters.url} ${detail}; the client reconnects`, {
      context: { url: this.parameters.url, agentId },
      retryable: true,
    });
  }
}
