/** Between in-process errors (TestbenchError) and their wire form (Failure). */
import { TestbenchError, isTestbenchError, type ErrorContext } from "../errors.js";
import { FailureCode } from "./failure-codes.js";
import type { WireFailure } from "./types.js";

export interface FailureOptions {
  readonly retryable?: boolean;
  readonly context?: Readonly<Record<string, string | number | boolean>>;
}

export function makeFailure(code: string, message: string, options: FailureOptions = {}): WireFailure {
  const context: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.context ?? {})) context[key] = String(value);
  return Object.freeze({ code, message, retryable: options.retryable ?? false, context: Object.freeze(context) });
}

/** The Failure to send for an error: a TestbenchError keeps its code, anything else is AGENT_INTERNAL. */
export function failureFromError(error: unknown): WireFailure {
  if (isTestbenchError(error)) {
    const context: Record<string, string | number | boolean> = {};
    for (const [key, value] of Object.entries(error.context)) {
      if (value !== undefined && value !== null) context[key] = value;
    }
    return makeFailure(error.code, error.message, { retryable: error.retryable, context });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return makeFailure(FailureCode.agentInternal, `internal error in the agent: ${detail}`, { retryable: false });
}

/** A Failure received from a peer, as an error to throw; `context` adds where it came from. */
export function errorFromFailure(failure: WireFailure, context: ErrorContext = {}): TestbenchError {
  return new TestbenchError(failure.code, failure.message, {
    retryable: failure.retryable,
    context: { ...failure.context, ...context },
  });
}
