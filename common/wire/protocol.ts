/**
 * Constants of the testbench.v1 wire protocol shared by agent and controller
 * (docs/wire-protocol.md is the prose form of this file).
 */

/** The protocol version both sides put in their hello; a peer speaking another version is refused. */
export const PROTOCOL_VERSION = 1;

/** WebSocket subprotocol both sides offer and the agent selects. */
export const WIRE_SUBPROTOCOL = "testbench.v1";

/**
 * Clients that cannot set an Authorization header (browsers) may offer the token as a second
 * subprotocol: this prefix followed by the base64url-encoded token. The agent never echoes it.
 */
export const TOKEN_SUBPROTOCOL_PREFIX = "testbench.token.";

/** Capabilities an agent announces in AgentHello. */
export const Capability = Object.freeze({
  trial: "trial.v1",
  /** StreamStart kind power: the agent has meters. */
  powerStream: "stream.power",
  /** StreamStart kind iperf: the agent runs iperf3 servers and clients. */
  iperfStream: "stream.iperf",
  /** StreamStart kind action: actions as streams (live events, stoppable). */
  actionStream: "stream.action",
  /** RunActionRequest. */
  action: "action.v1",
});

/** WebSocket close codes the protocol uses (RFC 6455 section 7.4.1). */
export const CloseCode = Object.freeze({
  normal: 1000,
  goingAway: 1001,
  invalidPayload: 1007,
  policyViolation: 1008,
  messageTooBig: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
});

/** Default limits; an agent announces its own in AgentHello. */
export const WireDefaults = Object.freeze({
  maxMessageBytes: 1024 * 1024,
  maxPendingRequests: 16,
  heartbeatIntervalS: 5,
});

/**
 * The transport's hard frame limit as a multiple of maxMessageBytes. A message between the two is
 * read and answered with Failure MESSAGE_TOO_LARGE before the close; one above the hard limit is
 * cut off by the WebSocket layer at the frame header (close 1009, no Failure).
 */
export const HARD_FRAME_LIMIT_FACTOR = 2;

/** Encode a token for the token subprotocol. */
export function tokenSubprotocol(token: string): string {
  return TOKEN_SUBPROTOCOL_PREFIX + Buffer.from(token, "utf8").toString("base64url");
}
