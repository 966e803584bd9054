/**
 * The streams of one controller session: StreamStart -> StreamStarted (or a Failure), samples,
 * one StreamEnded per started stream, StreamStop -> StreamStopped after the StreamEnded. Samples a
 * source emits before its StreamStarted is on the wire are held back, so the controller always
 * sees StreamStarted first. When the session ends every stream is stopped and nothing more is sent.
 */
import { TestbenchError } from "../../common/errors.js";
import type { Logger } from "../../common/logger.js";
import { failureFromError } from "../../common/wire/failure.js";
import { FailureCode } from "../../common/wire/failure-codes.js";
import type { StreamKind, StreamStart, WireBody } from "../../common/wire/types.js";
import type { WallClockNs } from "../../common/wire/wall-clock-ns.js";
import { StreamErrorCode } from "./stream-errors.js";
import type { RunningStream, StreamOutcome, StreamStarter } from "./stream-source.js";

/** Longest stream id accepted, characters. */
export const MAX_STREAM_ID_LENGTH = 128;

/** Ended streams remembered per connection (for StreamStop after the end, and to refuse reused ids). */
export const ENDED_STREAMS_KEPT = 4096;

export interface SessionStreamsOptions {
  readonly starters: Readonly<Partial<Record<StreamKind, StreamStarter>>>;
  readonly wallClockNs: WallClockNs;
  /** Send a body on the session (correlationId 0: unsolicited). */
  readonly send: (correlationId: number, body: WireBody) => void;
  readonly logger: Logger;
  /** Streams a session may have running at once. */
  readonly maxStreams: number;
}

interface StreamEntry {
  readonly streamId: string;
  readonly stopper: AbortController;
  samplesSent: number;
  /** Samples held back until StreamStarted is sent; undefined once live. */
  held: WireBody[] | undefined;
  running: RunningStream | undefined;
  /** Settles once StreamEnded has been sent (or the start failed). */
  finished: Promise<void>;
}

export class SessionStreams {
  private readonly entries = new Map<string, StreamEntry>();
  /** Samples sent by streams that have ended, by id, oldest first. */
  private readonly ended = new Map<string, number>();
  private readonly sessionEnded = new AbortController();

  constructor(private readonly options: SessionStreamsOptions) {}

  /**
   * Handle a StreamStart; resolves once `requestId` is answered with StreamStarted or a Failure
   * (the stream then runs on; its StreamEnded follows when it ends). Never rejects.
   */
  async start(requestId: number, request: StreamStart): Promise<void> {
    const { send, logger } = this.options;
    const streamLogger = logger.child({ streamId: request.streamId, streamKind: request.kind, source: request.source });
    let entry: StreamEntry;
    try {
      entry = this.admit(request);
    } catch (error) {
      streamLogger.warn({ err: error }, "stream request refused");
      send(requestId, { kind: "failure", value: failureFromError(error) });
      return;
    }
    let settle!: () => void;
    entry.finished = new Promise<void>((resolve) => (settle = resolve));
    const emit = (body: WireBody): void => {
      if (this.sessionEnded.signal.aborted) return;
      entry.samplesSent++;
      if (entry.held) entry.held.push(body);
      else send(0, body);
    };
    try {
      const starter = this.options.starters[request.kind];
      if (starter === undefined) throw new TestbenchError(FailureCode.unsupportedRequest, `this agent has no ${request.kind} streams; see AgentHello.capabilities`);
      const signal = AbortSignal.any([this.sessionEnded.signal, entry.stopper.signal]);
      entry.running = await starter.start(request, emit, signal);
    } catch (error) {
      this.entries.delete(request.streamId);
      settle();
      streamLogger.warn({ err: error }, "stream could not start");
      send(requestId, { kind: "failure", value: failureFromError(error) });
      return;
    }
    send(requestId, { kind: "streamStarted", value: { streamId: request.streamId, startedUnixNs: this.options.wallClockNs() } });
    const held = entry.held ?? [];
    entry.held = undefined;
    for (const body of held) send(0, body);
    streamLogger.info("stream started");
    void entry.running.ended.then((outcome) => {
      this.sendEnded(entry, outcome);
      streamLogger.info({ reason: outcome.reason, samplesSent: entry.samplesSent, err: outcome.error }, "stream ended");
      this.entries.delete(entry.streamId);
      this.ended.set(entry.streamId, entry.samplesSent);
      if (this.ended.size > ENDED_STREAMS_KEPT) this.ended.delete(this.ended.keys().next().value as string);
      settle();
    });
  }

  /** Handle a StreamStop: end the stream, then answer with StreamStopped (after its StreamEnded). */
  async stop(requestId: number, streamId: string): Promise<void> {
    const entry = this.entries.get(streamId);
    const endedSamples = this.ended.get(streamId);
    if (entry === undefined && endedSamples !== undefined) {
      this.options.send(requestId, { kind: "streamStopped", value: { streamId, samplesSent: endedSamples } });
      return;
    }
    if (entry === undefined) {
      const failure = failureFromError(
        new TestbenchError(StreamErrorCode.streamUnknown, `no stream ${JSON.stringify(streamId)} was started on this connection`, { context: { streamId } }),
      );
      this.options.send(requestId, { kind: "failure", value: failure });
      return;
    }
    entry.stopper.abort(new TestbenchError("STREAM_STOPPED", `stream ${streamId} stopped by the controller`));
    entry.running?.stop();
    await entry.finished;
    this.options.send(requestId, { kind: "streamStopped", value: { streamId, samplesSent: entry.samplesSent } });
  }

  /** The session ended: stop every stream and wait until all have ended. Nothing more is sent. */
  async closeAll(): Promise<void> {
    this.sessionEnded.abort(new TestbenchError("SESSION_CLOSED", "the controller session ended"));
    for (const entry of this.entries.values()) entry.running?.stop();
    await Promise.all([...this.entries.values()].map((entry) => entry.finished));
  }

  /** Streams starting or running. */
  get activeCount(): number {
    return this.entries.size;
  }

  private admit(request: StreamStart): StreamEntry {
    const { streamId } = request;
    if (streamId.length === 0 || streamId.length > MAX_STREAM_ID_LENGTH) {
      throw new TestbenchError(StreamErrorCode.streamInvalid, `StreamStart.stream_id must have 1 to ${MAX_STREAM_ID_LENGTH} characters, got ${streamId.length}`, {
        context: { field: "stream_id" },
      });
    }
    if (this.entries.has(streamId) || this.ended.has(streamId)) {
      throw new TestbenchError(StreamErrorCode.streamInvalid, `stream id ${JSON.stringify(streamId)} is already used on this connection; pick a new one`, {
        context: { field: "stream_id", streamId },
      });
    }
    if (this.entries.size >= this.options.maxStreams) {
      throw new TestbenchError(StreamErrorCode.streamInvalid, `this connection has ${this.entries.size} streams running, the most one connection may have; stop one first`, {
        context: { streamId, maxStreams: this.options.maxStreams },
      });
    }
    const entry: StreamEntry = { streamId, stopper: new AbortController(), samplesSent: 0, held: [], running: undefined, finished: Promise.resolve() };
    this.entries.set(streamId, entry);
    return entry;
  }

  private sendEnded(entry: StreamEntry, outcome: StreamOutcome): void {
    if (this.sessionEnded.signal.aborted) return;
    const failure = outcome.error === undefined ? undefined : failureFromError(outcome.error);
    this.options.send(0, {
      kind: "streamEnded",
      value: {
        streamId: entry.streamId,
        endedUnixNs: this.options.wallClockNs(),
        reason: outcome.reason,
        failure,
        samplesSent: entry.samplesSent,
        power: outcome.power,
        iperf: outcome.iperf,
        action: outcome.action,
      },
    });
  }
}
