import { TestbenchError, type ErrorContext } from "../../../common/errors.js";

/**
 * Error codes of the TRex driver (documented in docs/trex.md and docs/errors.md):
 * - TREX_TIMEOUT      an RPC got no reply within the per-RPC timeout (retryable; the socket is recreated)
 * - TREX_UNREACHABLE  no connection to the RPC port (nothing listening, or connection refused)
 * - TREX_RPC_ERROR    TRex answered with a JSON-RPC error; context has trexCode, trexMessage, specificErr
 * - TREX_PROTOCOL_ERROR  the reply was not TRex JSON-RPC (bad JSON, wrong id, wrong batch length)
 * - TREX_CANCELLED    the caller's AbortSignal fired; cause is the signal's reason
 */
export const TrexErrorCode = Object.freeze({
  timeout: "TREX_TIMEOUT",
  unreachable: "TREX_UNREACHABLE",
  rpcError: "TREX_RPC_ERROR",
  protocolError: "TREX_PROTOCOL_ERROR",
  cancelled: "TREX_CANCELLED",
});

export function trexTimeout(context: ErrorContext, timeoutS: number, cause?: unknown): TestbenchError {
  return new TestbenchError(
    TrexErrorCode.timeout,
    `TRex at ${String(context["endpoint"])} did not answer ${String(context["method"])} within ${timeoutS} s; check that TRex (or the emulator) is running and not stuck`,
    { context, cause, retryable: true },
  );
}

export function trexUnreachable(context: ErrorContext, detail: string, cause?: unknown): TestbenchError {
  return new TestbenchError(
    TrexErrorCode.unreachable,
    `Cannot reach TRex at ${String(context["endpoint"])} (${detail}); check the host, the RPC port (zmq_rpc_port, default 4501) and that TRex runs in interactive mode (-i)`,
    { context, cause, retryable: true },
  );
}

export function trexProtocolError(context: ErrorContext, detail: string, cause?: unknown): TestbenchError {
  return new TestbenchError(TrexErrorCode.protocolError, `TRex at ${String(context["endpoint"])} sent a reply that is not TRex JSON-RPC: ${detail}`, {
    context,
    cause,
  });
}

export function trexCancelled(context: ErrorContext, reason: unknown): TestbenchError {
  return new TestbenchError(TrexErrorCode.cancelled, `TRex call ${String(context["method"])} was cancelled`, { context, cause: reason });
}

export interface TrexRpcErrorObject {
  readonly code: number;
  readonly message: string;
  readonly specific_err?: string;
}

/** A JSON-RPC error from TRex, with its code and texts in the context. */
export function trexRpcError(context: ErrorContext, error: TrexRpcErrorObject): TestbenchError {
  const detail = error.specific_err !== undefined && error.specific_err !== "" ? error.specific_err : error.message;
  // -32001 "Try again later" is TRex's own transient answer.
  return new TestbenchError(TrexErrorCode.rpcError, `TRex rejected ${String(context["method"])}: ${detail} (JSON-RPC error ${error.code})`, {
    context: { ...context, trexCode: error.code, trexMessage: error.message, specificErr: error.specific_err },
    retryable: error.code === -32001,
  });
}
