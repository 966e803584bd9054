import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../../common/logger.js";
import type { StreamStart, WireBody } from "../../../../common/wire/types.js";
import { SessionStreams } from "../../../../agent/streams/session-streams.js";
import type { EmitSample, StreamOutcome, StreamStarter } from "../../../../agent/streams/stream-source.js";

/** A source that emits one sample while starting and ends when told. */
class ManualStarter implements StreamStarter {
  emit: EmitSample | undefined;
  finish: ((outcome: StreamOutcome) => void) | undefined;

  start(request: StreamStart, emit: EmitSample) {
    this.emit = emit;
    emit({ kind: "actionEvent", value: { streamId: request.streamId, atUnixNs: 1n, action: "a", phase: "started", exitCode: -1, detail: "" } });
    const ended = new Promise<StreamOutcome>((resolve) => (this.finish = resolve));
    return Promise.resolve({ ended, stop: () => this.finish?.({ reason: "stopped" }) });
  }
}

function setup() {
  const sent: Array<{ correlationId: number; body: WireBody }> = [];
  const starter = new ManualStarter();
  const streams = new SessionStreams({ starters: { action: starter }, wallClockNs: () => 42n, send: (correlationId, body) => sent.push({ correlationId, body }), logger: silentLogger, maxStreams: 2 });
  return { sent, starter, streams };
}

const request = (streamId: string, kind: StreamStart["kind"] = "action"): StreamStart => ({ streamId, kind, source: "a", arguments: {} });

describe("SessionStreams", () => {
  it("sends StreamStarted before samples emitted while starting, then StreamEnded, then StreamStopped", async () => {
    const { sent, streams } = setup();
    await streams.start(7, request("s1"));
    await streams.stop(8, "s1");
    expect(sent.map(({ correlationId, body }) => [correlationId, body.kind])).toEqual([
      [7, "streamStarted"],
      [0, "actionEvent"],
      [0, "streamEnded"],
      [8, "streamStopped"],
    ]);
    expect(sent[2]?.body).toMatchObject({ value: { reason: "stopped", samplesSent: 1, endedUnixNs: 42n } });
    await streams.stop(9, "s1");
    expect(sent.at(-1)).toMatchObject({ correlationId: 9, body: { kind: "streamStopped", value: { samplesSent: 1 } } });
  });

  it("refuses reused ids, kinds without a source, unknown stops and too many streams", async () => {
    const { sent, streams } = setup();
    await streams.start(1, request("s1"));
    await streams.start(2, request("s1"));
    await streams.start(3, request("p1", "power"));
    await streams.stop(4, "nope");
    await streams.start(5, request("s2"));
    await streams.start(6, request("s3"));
    const failures = sent.filter(({ body }) => body.kind === "failure").map(({ correlationId, body }) => [correlationId, body.kind === "failure" ? body.value.code : ""]);
    expect(failures).toEqual([
      [2, "STREAM_INVALID"],
      [3, "UNSUPPORTED_REQUEST"],
      [4, "STREAM_UNKNOWN"],
      [6, "STREAM_INVALID"],
    ]);
  });

  it("stops everything when the session ends and sends nothing more", async () => {
    const { sent, starter, streams } = setup();
    await streams.start(1, request("s1"));
    const before = sent.length;
    await streams.closeAll();
    starter.emit?.({ kind: "actionEvent", value: { streamId: "s1", atUnixNs: 2n, action: "a", phase: "finished", exitCode: 0, detail: "" } });
    expect(sent.length).toBe(before);
  });
});
