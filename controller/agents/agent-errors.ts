/**
 * Errors of the controller's agent client (docs/wire-protocol.md "Client error codes").
 * Failures the agent sends keep their own code (AGENT_BUSY, TRIAL_INVALID, ...).
 */
import { TestbenchError, type ErrorContext } from "../../common/errors.js";

export const AgentClientErrorCode = Object.freeze({
  /** Could not connect (refused, DNS, upgrade answered with an unexpected status). Retryable. */
  unreachable: "AGENT_UNREACHABLE",
  /** The agent answered the upgrade with 401: wrong or missing token. */
  authRefused: "AGENT_AUTH_REFUSED",
  /** The connection closed while a request was in flight, or there is no connection. Retryable. */
  disconnected: "AGENT_DISCONNECTED",
  /** No response within the request's timeout. */
  requestTimeout: "AGENT_REQUEST_TIMEOUT",
  /** The agent speaks another protocol version, skipped its hello, or answered with the wrong body. */
  protocolMismatch: "AGENT_PROTOCOL_MISMATCH",
  /** The client was closed by its owner. */
  clientClosed: "AGENT_CLIENT_CLOSED",
});

export function agentError(code: string, message: string, options: { context: ErrorContext; retryable?: boolean; cause?: unknown }): TestbenchError {
  return new TestbenchError(code, message, options);
}
