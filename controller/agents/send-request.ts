/** One request on a connection: send, then settle on the response, a Failure, the timeout, an abort or the close. */
import type { Clock } from "../../common/clock.js";
import { TestbenchError, type ErrorContext } from "../../common/errors.js";
import { errorFromFailure } from "../../common/wire/failure.js";
import { FailureCode } from "../../common/wire/failure-codes.js";
import type { WireBodies, WireBody, WireBodyKind, WireBodyOf } from "../../common/wire/types.js";
import { AgentClientErrorCode, agentError } from "./agent-errors.js";
import type { PendingRequests } from "./pending-requests.js";

export interface CallOptions {
  /** Longest wait for the response, seconds. */
  readonly timeoutS: number;
  readonly signal?: AbortSignal;
}

export interface RequestParameters<K extends WireBodyKind> {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly expected: K;
  readonly options: CallOptions;
  readonly context: ErrorContext;
  readonly pending: PendingRequests;
  readonly clock: Clock;
  readonly maxMessageBytes: number;
  readonly send: (bytes: Uint8Array) => void;
}

function isKind<K extends WireBodyKind>(body: WireBody, kind: K): body is WireBodyOf<K> {
  return body.kind === kind;
}

export function sendRequest<K extends WireBodyKind>(parameters: RequestParameters<K>): Promise<WireBodies[K]> {
  const { id, bytes, expected, options, context, pending, clock } = parameters;
  const { signal, timeoutS } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (bytes.length > parameters.maxMessageBytes) {
    const message = `${String(context["request"])} of ${bytes.length} bytes exceeds the agent's max_message_bytes ${parameters.maxMessageBytes}; not sent`;
    return Promise.reject(new TestbenchError(FailureCode.messageTooLarge, message, { context: { ...context, sizeBytes: bytes.length } }));
  }
  return new Promise<WireBodies[K]>((resolve, reject) => {
    const timer = new AbortController();
    const finish = (): void => {
      timer.abort();
      signal?.removeEventListener("abort", onAbort);
      pending.delete(id);
    };
    const onAbort = (): void => {
      finish();
      reject(signal?.reason);
    };
    pending.add(id, {
      resolve: (body) => {
        finish();
        if (isKind(body, expected)) resolve(body.value as WireBodies[K]);
        else if (body.kind === "failure") reject(errorFromFailure(body.value, context));
        else reject(agentError(AgentClientErrorCode.protocolMismatch, `Agent answered ${String(context["request"])} with ${body.kind}, expected ${expected}`, { context }));
      },
      reject: (error) => {
        finish();
        reject(error);
      },
    });
    signal?.addEventListener("abort", onAbort, { once: true });
    clock.sleep(timeoutS, timer.signal).then(
      () => {
        finish();
        reject(agentError(AgentClientErrorCode.requestTimeout, `Agent did not answer ${String(context["request"])} within ${timeoutS} s`, { context: { ...context, timeoutS } }));
      },
      () => undefined,
    );
    try {
      parameters.send(bytes);
    } catch (error) {
      finish();
      reject(agentError(AgentClientErrorCode.disconnected, `Could not send ${String(context["request"])} to the agent`, { context, retryable: true, cause: error }));
    }
  });
}
