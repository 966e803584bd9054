/** Routes a connection's unsolicited stream messages to the AgentStream handles by stream id. */
import type { TestbenchError } from "../../common/errors.js";
import type { WireBody } from "../../common/wire/types.js";
import type { AgentStream, StreamEvent } from "./agent-stream.js";

function streamIdOf(body: WireBody): string | undefined {
  switch (body.kind) {
    case "powerSampleBatch":
    case "powerSample":
    case "iperfInterval":
    case "actionEvent":
    case "streamEnded":
      return body.value.streamId;
    default:
      return undefined;
  }
}

function eventOf(body: WireBody): StreamEvent | undefined {
  if (body.kind === "powerSampleBatch") return { type: "power", batch: body.value };
  if (body.kind === "powerSample") return { type: "power-sample", sample: body.value };
  if (body.kind === "iperfInterval") return { type: "iperf", interval: body.value };
  if (body.kind === "actionEvent") return { type: "action", event: body.value };
  return undefined;
}

export class StreamRouter {
  private readonly streams = new Map<string, AgentStream>();

  /** Register before sending the StreamStart, so that nothing that follows is missed. */
  register(stream: AgentStream): void {
    this.streams.set(stream.streamId, stream);
  }

  unregister(streamId: string): void {
    this.streams.delete(streamId);
  }

  /** True when `body` is a stream message (delivered, or dropped for an unknown stream). */
  deliver(body: WireBody): boolean {
    const streamId = streamIdOf(body);
    if (streamId === undefined) return false;
    const stream = this.streams.get(streamId);
    if (stream === undefined) return true;
    if (body.kind === "streamEnded") {
      this.streams.delete(streamId);
      stream.end(body.value);
      return true;
    }
    const event = eventOf(body);
    if (event !== undefined) stream.deliver(event);
    return true;
  }

  /** The connection closed: every stream on it is over (the agent stopped them). */
  failAll(error: TestbenchError): void {
    const all = [...this.streams.values()];
    this.streams.clear();
    for (const stream of all) stream.fail(error);
  }
}
