import { Request } from "zeromq";
import type { Clock } from "../../../common/clock.js";
import type { Logger } from "../../../common/logger.js";
import { trexCancelled, trexProtocolError, trexRpcError, trexTimeout, trexUnreachable, type TrexRpcErrorObject } from "./driver-errors.js";
import { isZipped, unzip, zip } from "./zip-framing.js";

/**
 * TRex JSON-RPC over a ZeroMQ REQ socket. Every exchange has a timeout (send: no connection ->
 * TREX_UNREACHABLE; receive: no reply -> TREX_TIMEOUT) and an optional AbortSignal. A REQ socket
 * that missed its reply cannot send again, so after any failed exchange the socket is dropped and
 * the next call connects a fresh one (the Python client does the same).
 */

export interface RpcCall {
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface TrexRpcClientOptions {
  readonly host: string;
  readonly port: number;
  readonly timeoutS: number;
  /** zlib-frame requests as TRex's Python client does (replies are read either way). */
  readonly compress: boolean;
  readonly clock: Clock;
  readonly logger: Logger;
}

interface ReplyObject {
  id?: unknown;
  result?: unknown;
  error?: TrexRpcErrorObject;
}

const isEagain = (error: unknown): boolean => (error as { code?: string } | undefined)?.code === "EAGAIN";

export class TrexRpcClient {
  private socket: Request | undefined;
  private nextId = 1;
  readonly endpoint: string;

  constructor(private readonly options: TrexRpcClientOptions) {
    this.endpoint = `tcp://${options.host}:${options.port}`;
  }

  /** One method call (sent as a single JSON-RPC object). */
  async call(method: string, params: Readonly<Record<string, unknown>>, signal?: AbortSignal): Promise<unknown> {
    const [result] = await this.batch([{ method, params }], signal);
    return result;
  }

  /**
   * Calls executed in order by TRex in one round trip; resolves with their results in order, or
   * rejects with the first error (TRex still ran the later calls).
   */
  async batch(calls: readonly RpcCall[], signal?: AbortSignal): Promise<unknown[]> {
    const ids = calls.map(() => this.nextId++);
    const requests = calls.map((call, i) => ({ jsonrpc: "2.0", id: ids[i], method: call.method, params: call.params }));
    const text = JSON.stringify(requests.length === 1 ? requests[0] : requests);
    const label = calls.map((c) => c.method).join(",");
    const decoded = await this.exchange(text, label, signal);
    const replies = (Array.isArray(decoded) ? decoded : [decoded]) as ReplyObject[];
    const context = { endpoint: this.endpoint, method: label };
    if (replies.length !== calls.length) throw trexProtocolError(context, `${calls.length} requests got ${replies.length} replies`);
    return replies.map((reply, i) => {
      const method = calls[i]?.method ?? "?";
      if (reply === null || typeof reply !== "object") throw trexProtocolError({ ...context, method }, "a reply is not an object");
      if (reply.error !== undefined) throw trexRpcError({ endpoint: this.endpoint, method }, reply.error);
      if (reply.id !== ids[i]) throw trexProtocolError({ ...context, method }, `reply id ${JSON.stringify(reply.id)} does not match request id ${ids[i]}`);
      return reply.result;
    });
  }

  /** Drop the socket (the next call reconnects). */
  reset(): void {
    this.socket?.close();
    this.socket = undefined;
  }

  close(): void {
    this.reset();
  }

  private connected(): Request {
    if (!this.socket) {
      // immediate: queue only to a completed connection, so "nothing listening" shows as a send timeout.
      this.socket = new Request({ linger: 0, immediate: true });
      this.socket.connect(this.endpoint);
    }
    return this.socket;
  }

  private async exchange(text: string, method: string, signal?: AbortSignal): Promise<unknown> {
    const context = { endpoint: this.endpoint, method };
    if (signal?.aborted) throw trexCancelled(context, signal.reason);
    const { clock, timeoutS, compress } = this.options;
    const socket = this.connected();
    const deadlineS = clock.monotonicS() + timeoutS;
    const onAbort = () => this.reset();
    signal?.addEventListener("abort", onAbort, { once: true });
    let reply: Buffer | undefined;
    try {
      socket.sendTimeout = Math.max(1, Math.ceil(timeoutS * 1000));
      try {
        await socket.send(compress ? zip(text) : text);
      } catch (error) {
        this.reset();
        if (signal?.aborted) throw trexCancelled(context, signal.reason);
        throw trexUnreachable(context, isEagain(error) ? `no connection within ${timeoutS} s` : String(error), error);
      }
      socket.receiveTimeout = Math.max(1, Math.ceil((deadlineS - clock.monotonicS()) * 1000));
      try {
        [reply] = await socket.receive();
      } catch (error) {
        this.reset();
        if (signal?.aborted) throw trexCancelled(context, signal.reason);
        if (isEagain(error)) throw trexTimeout(context, timeoutS, error);
        throw trexUnreachable(context, String(error), error);
      }
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
    return this.decode(reply ?? Buffer.alloc(0), context);
  }

  private decode(reply: Buffer, context: { endpoint: string; method: string }): unknown {
    const plain = isZipped(reply) ? unzip(reply) : reply;
    if (plain === undefined) throw trexProtocolError(context, "a compressed reply did not inflate");
    try {
      return JSON.parse(plain.toString("utf8"));
    } catch (error) {
      throw trexProtocolError(context, "the reply is not JSON", error);
    }
  }
}
