/**
 * Stable codes of Failure messages (docs/wire-protocol.md "Failure codes").
 * A generator error keeps its own TestbenchError code (e.g. a TRex driver code) on the wire.
 */
export const FailureCode = Object.freeze({
  /** Another controller session owns the traffic generator. Retryable. */
  agentBusy: "AGENT_BUSY",
  /** The agent is shutting down. Retryable (against the restarted agent). */
  agentShuttingDown: "AGENT_SHUTTING_DOWN",
  /** Unexpected error inside the agent. */
  agentInternal: "AGENT_INTERNAL",
  /** A RunTrialRequest field is out of range; context.field names it. */
  trialInvalid: "TRIAL_INVALID",
  /** The frame could not be decoded as an Envelope (or was a text frame). The connection is closed. */
  wireMalformed: "WIRE_MALFORMED",
  /** The message exceeds max_message_bytes. The connection is closed. */
  messageTooLarge: "MESSAGE_TOO_LARGE",
  /** More requests in flight than max_pending_requests. Retryable. */
  tooManyPending: "TOO_MANY_PENDING",
  /** A well-formed message at the wrong time (e.g. a request before ControllerHello). The connection is closed. */
  protocolViolation: "PROTOCOL_VIOLATION",
  /** The peer speaks another protocol version. The connection is closed. */
  protocolVersionUnsupported: "PROTOCOL_VERSION_UNSUPPORTED",
  /** A request this agent has no handler for (see AgentHello.capabilities). */
  unsupportedRequest: "UNSUPPORTED_REQUEST",
});

export type FailureCodeValue = (typeof FailureCode)[keyof typeof FailureCode];
