/** Errors of the failover runner (docs/failover.md, docs/errors.md). */
import { TestbenchError, ValidationError, quote } from "../../common/errors.js";

export const FAILOVER_PLAN_INVALID = "FAILOVER_PLAN_INVALID";
export const FAILOVER_AGENT_MISSING = "FAILOVER_AGENT_MISSING";
export const FAILOVER_STREAM_FAILED = "FAILOVER_STREAM_FAILED";
export const FAILOVER_ACTION_FAILED = "FAILOVER_ACTION_FAILED";

export function planError(field: string, value: unknown, expected: string): ValidationError {
  return new ValidationError(FAILOVER_PLAN_INVALID, `failover ${field} must be ${expected}, got ${quote(value)}`, { context: { field, value: quote(value) } });
}

export function agentMissingError(agentId: string, role: string, known: readonly string[]): ValidationError {
  return new ValidationError(FAILOVER_AGENT_MISSING, `the failover ${role} names agent ${quote(agentId)}, which the testbed does not have; it has ${known.join(", ") || "none"}`, {
    context: { agentId, role },
  });
}

/** A stream could not start (or could not be stopped): which one, on which agent, and the agent's Failure as cause. */
export function streamFailedError(what: string, agentId: string, cause: unknown): TestbenchError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const code = cause instanceof TestbenchError ? cause.code : null;
  return new TestbenchError(FAILOVER_STREAM_FAILED, `failover: ${what} on agent ${agentId} failed: ${reason}`, {
    context: { agentId, stream: what, failureCode: code },
    cause,
    retryable: cause instanceof TestbenchError && cause.retryable,
  });
}

export function actionFailedError(action: string, agentId: string, outcome: string, detail: string): TestbenchError {
  return new TestbenchError(FAILOVER_ACTION_FAILED, `failover action ${quote(action)} on agent ${agentId} ended ${outcome}: ${detail || "no detail"}; the failover did not happen as planned (the run's data is stored)`, {
    context: { action, agentId, outcome },
  });
}
