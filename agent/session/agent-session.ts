/**
 * One controller connection: hello exchange, frame checks (size, decoding), dispatch of requests,
 * and orderly teardown. Anything malformed or out of order closes this connection with a Failure;
 * other sessions are unaffected.
 */
import { TestbenchError } from "../../common/errors.js";
import type { Logger } from "../../common/logger.js";
import { decodeEnvelope, encodeEnvelope, type DecodedEnvelope } from "../../common/wire/codec.js";
import { FailureCode } from "../../common/wire/failure-codes.js";
import { failureFromError, makeFailure } from "../../common/wire/failure.js";
import { CloseCode, PROTOCOL_VERSION } from "../../common/wire/protocol.js";
import type { WireBody, WireEnvelope, WireFailure } from "../../common/wire/types.js";
import { failureBody, type SessionContext, type SessionTransport } from "./session-context.js";
import { PendingCount } from "./pending-count.js";
import { StreamRequests } from "./stream-requests.js";
import { TrialRequests } from "./trial-requests.js";

type SessionState = "awaitingHello" | "ready" | "closing";

export class AgentSession {
  private state: SessionState = "awaitingHello";
  private nextId = 1;
  private readonly trials: TrialRequests;
  private readonly streams: StreamRequests;

  constructor(
    readonly id: string,
    private readonly transport: SessionTransport,
    private readonly context: SessionContext,
    private readonly logger: Logger,
  ) {
    const reply = (correlationId: number, body: WireBody): void => this.send(correlationId, body);
    const pending = new PendingCount();
    this.trials = new TrialRequests(id, context, reply, logger, pending);
    this.streams = new StreamRequests(id, context, reply, logger, pending);
  }

  /** Send the AgentHello; call once the upgrade is complete. */
  open(): void {
    this.send(0, { kind: "agentHello", value: this.context.hello });
  }

  /** One frame from the socket. */
  receive(data: Uint8Array, isBinary: boolean): void {
    const receivedUnixNs = this.context.wallClockNs();
    if (this.state === "closing") return;
    const { maxMessageBytes } = this.context.hello;
    if (data.length > maxMessageBytes) {
      const message = `message of ${data.length} bytes exceeds max_message_bytes ${maxMessageBytes}; closing the connection`;
      this.fail(makeFailure(FailureCode.messageTooLarge, message, { context: { sizeBytes: data.length, maxMessageBytes } }), CloseCode.messageTooBig);
      return;
    }
    if (!isBinary) {
      this.fail(makeFailure(FailureCode.wireMalformed, "text frame received; testbench.v1 sends binary protobuf Envelopes"), CloseCode.invalidPayload);
      return;
    }
    let envelope: DecodedEnvelope;
    try {
      envelope = decodeEnvelope(data);
    } catch (error) {
      this.fail(failureFromError(error), CloseCode.invalidPayload);
      return;
    }
    if (envelope.id === 0) {
      this.fail(makeFailure(FailureCode.protocolViolation, "envelope id 0: a controller numbers its messages from 1 so that responses can name them"), CloseCode.policyViolation);
      return;
    }
    if (envelope.body === undefined) {
      const message = "request body unknown to this agent (testbench.v1); see AgentHello.capabilities";
      this.send(envelope.id, failureBody(makeFailure(FailureCode.unsupportedRequest, message)));
      return;
    }
    if (this.state === "awaitingHello") this.onHello(envelope);
    else this.dispatch(envelope, receivedUnixNs);
  }

  /** The socket has closed: abort this session's trials, streams and actions; release what it owned once they settle. */
  async closed(): Promise<void> {
    this.state = "closing";
    await Promise.all([this.trials.cancelAll(new TestbenchError("SESSION_CLOSED", `session ${this.id} closed`)), this.streams.cancelAll()]);
    this.logger.info("session ended");
  }

  /** The agent is stopping: tell the controller why, then close. */
  shutdown(): void {
    const failure = makeFailure(FailureCode.agentShuttingDown, `agent ${this.context.hello.agentId} is shutting down; reconnect when it is back`, { retryable: true });
    this.fail(failure, CloseCode.goingAway);
  }

  private onHello(envelope: WireEnvelope): void {
    if (envelope.body.kind !== "controllerHello") {
      this.fail(makeFailure(FailureCode.protocolViolation, `expected ControllerHello first, got ${envelope.body.kind}`), CloseCode.policyViolation);
      return;
    }
    const hello = envelope.body.value;
    if (hello.protocolVersion !== PROTOCOL_VERSION) {
      const message = `controller ${hello.controllerId} speaks protocol ${hello.protocolVersion}; this agent speaks ${PROTOCOL_VERSION}`;
      this.fail(makeFailure(FailureCode.protocolVersionUnsupported, message), CloseCode.policyViolation);
      return;
    }
    this.state = "ready";
    this.logger.info({ controllerId: hello.controllerId, controllerVersion: hello.softwareVersion }, "controller said hello");
  }

  private dispatch(envelope: WireEnvelope, receivedUnixNs: bigint): void {
    const { body } = envelope;
    switch (body.kind) {
      case "ping":
        this.send(envelope.id, { kind: "pong", value: { t1UnixNs: body.value.t1UnixNs, t2UnixNs: receivedUnixNs, t3UnixNs: this.context.wallClockNs() } });
        return;
      case "runTrialRequest":
        this.trials.handle(envelope.id, body.value);
        return;
      case "streamStart":
        this.streams.startStream(envelope.id, body.value);
        return;
      case "streamStop":
        this.streams.stopStream(envelope.id, body.value.streamId);
        return;
      case "runActionRequest":
        this.streams.runAction(envelope.id, body.value);
        return;
      case "failure":
        this.logger.warn({ failure: body.value }, "controller sent a failure");
        return;
      default:
        this.fail(makeFailure(FailureCode.protocolViolation, `a controller does not send ${body.kind}`), CloseCode.policyViolation);
    }
  }

  private fail(failure: WireFailure, closeCode: number): void {
    if (this.state === "closing") return;
    this.logger.warn({ failure }, "closing the connection");
    this.send(0, failureBody(failure));
    this.state = "closing";
    this.transport.close(closeCode, failure.code);
  }

  private send(correlationId: number, body: WireBody): void {
    if (this.state === "closing") return;
    this.transport.send(encodeEnvelope({ id: this.nextId++, correlationId, body }));
  }
}
