/**
 * Streams and actions on one agent connection (docs/wire-protocol.md "Streams"): StreamStart with
 * the handle registered first, StreamStop, RunActionRequest. The builders name what the agent's
 * config defines (a meter, an iperf3 role, an action) with typed arguments.
 */
import {
  IPERF_SOURCES,
  iperfArgumentMap,
  powerArgumentMap,
  type IperfClientArguments,
  type IperfServerArguments,
  type PowerStreamArguments,
} from "../../common/wire/stream-arguments.js";
import type { RunActionResult, StreamKind, StreamStopped } from "../../common/wire/types.js";
import type { AgentConnection, CallOptions } from "./agent-connection.js";
import { AgentStream } from "./agent-stream.js";
import type { ClockOffsetEstimate } from "./clock-offset.js";

/** What to start; `streamId` defaults to a fresh id from the client. */
export interface StreamRequest {
  readonly kind: StreamKind;
  readonly source: string;
  readonly arguments: Readonly<Record<string, string>>;
  readonly streamId?: string;
}

/** Default wait for StreamStarted / StreamStopped, seconds (an iperf3 client may take a while to connect). */
export const STREAM_CALL_TIMEOUT_S = 30;

export function powerStream(meter: string, args: PowerStreamArguments = {}): StreamRequest {
  return { kind: "power", source: meter, arguments: powerArgumentMap(args) };
}

export function iperfServerStream(args: IperfServerArguments = {}): StreamRequest {
  return { kind: "iperf", source: IPERF_SOURCES.server, arguments: iperfArgumentMap(args) };
}

export function iperfClientStream(args: IperfClientArguments): StreamRequest {
  return { kind: "iperf", source: IPERF_SOURCES.client, arguments: iperfArgumentMap(args) };
}

export function actionStream(action: string, parameters: Readonly<Record<string, string | number | boolean>> = {}): StreamRequest {
  return { kind: "action", source: action, arguments: Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, String(value)])) };
}

function stopper(connection: AgentConnection, options: Partial<CallOptions>) {
  return (stream: AgentStream): Promise<StreamStopped> =>
    connection.call({ kind: "streamStop", value: { streamId: stream.streamId } }, "streamStopped", { timeoutS: STREAM_CALL_TIMEOUT_S, ...options });
}

/** Start a stream; resolves once the agent answered StreamStarted, rejects with its Failure otherwise. */
export async function startStreamOn(
  connection: AgentConnection,
  request: StreamRequest & { readonly streamId: string },
  clockOffset: ClockOffsetEstimate | undefined,
  options: Partial<CallOptions> = {},
): Promise<AgentStream> {
  const { streamId, kind, source } = request;
  const stream = new AgentStream({ streamId, kind, source, agentId: connection.hello.agentId, clockOffset }, stopper(connection, options));
  connection.streams.register(stream);
  try {
    const started = await connection.call({ kind: "streamStart", value: { streamId, kind, source, arguments: request.arguments } }, "streamStarted", {
      timeoutS: STREAM_CALL_TIMEOUT_S,
      ...options,
    });
    stream.markStarted(started);
    return stream;
  } catch (error) {
    connection.streams.unregister(streamId);
    throw error;
  }
}

/** Run an action the agent's config defines; resolves with its result whatever the outcome (check `outcome`). */
export function runActionOn(
  connection: AgentConnection,
  runId: string,
  action: string,
  parameters: Readonly<Record<string, string | number | boolean>>,
  options: Partial<CallOptions> = {},
): Promise<RunActionResult> {
  const values = Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, String(value)]));
  return connection.call({ kind: "runActionRequest", value: { runId, action, parameters: values } }, "runActionResult", { timeoutS: 600, ...options });
}
