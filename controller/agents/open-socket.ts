/** Open an authenticated WebSocket to an agent, turning upgrade refusals into coded errors. */
import { WebSocket } from "ws";
import { WIRE_SUBPROTOCOL } from "../../common/wire/protocol.js";
import { AgentClientErrorCode, agentError } from "./agent-errors.js";

export interface OpenSocketOptions {
  readonly url: string;
  readonly token: string;
  readonly handshakeTimeoutS: number;
  /** The hard frame limit for what the agent sends. */
  readonly maxPayloadBytes: number;
  readonly signal?: AbortSignal;
}

/** A socket being opened: listeners can be attached at once, so no frame that follows the upgrade is missed. */
export interface OpeningSocket {
  readonly socket: WebSocket;
  /** Resolves on the 101; rejects with AGENT_AUTH_REFUSED (401), AGENT_UNREACHABLE or the abort reason. */
  readonly opened: Promise<void>;
}

export function openSocket(options: OpenSocketOptions): OpeningSocket {
  const { url, signal } = options;
  signal?.throwIfAborted();
  const socket = new WebSocket(url, [WIRE_SUBPROTOCOL], {
    headers: { Authorization: `Bearer ${options.token}` },
    handshakeTimeout: Math.max(1, Math.round(options.handshakeTimeoutS * 1000)),
    perMessageDeflate: false,
    maxPayload: options.maxPayloadBytes,
  });
  socket.binaryType = "nodebuffer";
  const opened = new Promise<void>((resolve, reject) => {
    const cleanup = (): void => {
      socket.off("open", onOpen);
      socket.off("error", onError);
      socket.off("unexpected-response", onUnexpectedResponse);
      signal?.removeEventListener("abort", onAbort);
    };
    const fail = (error: Error): void => {
      cleanup();
      socket.on("error", () => undefined);
      socket.terminate();
      reject(error);
    };
    const onOpen = (): void => {
      cleanup();
      resolve();
    };
    const onError = (error: Error): void => {
      fail(agentError(AgentClientErrorCode.unreachable, `Cannot connect to agent ${url}: ${error.message}`, { context: { url }, retryable: true, cause: error }));
    };
    const onUnexpectedResponse = (_request: unknown, response: { statusCode?: number }): void => {
      const status = response.statusCode ?? 0;
      if (status === 401) {
        fail(agentError(AgentClientErrorCode.authRefused, `Agent ${url} refused the token (HTTP 401); check --token-file against the agent's token`, { context: { url, status } }));
      } else {
        fail(agentError(AgentClientErrorCode.unreachable, `Agent ${url} answered the upgrade with HTTP ${status}`, { context: { url, status }, retryable: true }));
      }
    };
    const onAbort = (): void => fail(signal?.reason instanceof Error ? signal.reason : new Error(String(signal?.reason)));
    socket.on("open", onOpen);
    socket.on("error", onError);
    socket.on("unexpected-response", onUnexpectedResponse);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  return { socket, opened };
}
