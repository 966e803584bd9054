/**
 * The controller's handle of one stream on an agent: its samples as events (an async iterable, or
 * listeners), the StreamEnded that closes it, and stop(). Events received before anyone consumes
 * them are kept and handed to the first consumer. Timestamps in events are on the AGENT's clock
 * (Unix ns); `clockOffset` (agent minus controller) maps them to the controller's.
 */
import type { TestbenchError } from "../../common/errors.js";
import type { ActionEvent, IperfInterval, PowerSample, PowerSampleBatch, StreamEnded, StreamKind, StreamStarted, StreamStopped } from "../../common/wire/types.js";
import type { ClockOffsetEstimate } from "./clock-offset.js";

export type StreamEvent =
  | { readonly type: "power"; readonly batch: PowerSampleBatch }
  | { readonly type: "power-sample"; readonly sample: PowerSample }
  | { readonly type: "iperf"; readonly interval: IperfInterval }
  | { readonly type: "action"; readonly event: ActionEvent };

export interface StreamIdentity {
  readonly streamId: string;
  readonly kind: StreamKind;
  readonly source: string;
  readonly agentId: string;
  /** The agent's clock minus the controller's, from the connection the stream runs on. */
  readonly clockOffset: ClockOffsetEstimate | undefined;
}

export type StopStream = (stream: AgentStream) => Promise<StreamStopped>;

export class AgentStream implements AsyncIterable<StreamEvent> {
  private held: StreamEvent[] | undefined = [];
  private readonly listeners = new Set<(event: StreamEvent) => void>();
  private endedValue: StreamEnded | undefined;
  private failure: TestbenchError | undefined;
  private settle!: { resolve: (ended: StreamEnded) => void; reject: (error: Error) => void };
  private started: StreamStarted | undefined;
  /** Resolves with the agent's StreamEnded; rejects (AGENT_DISCONNECTED, retryable) when the connection drops first. */
  readonly ended: Promise<StreamEnded>;

  constructor(
    readonly identity: StreamIdentity,
    private readonly stopper: StopStream,
  ) {
    this.ended = new Promise<StreamEnded>((resolve, reject) => (this.settle = { resolve, reject }));
    this.ended.catch(() => undefined);
  }

  get streamId(): string {
    return this.identity.streamId;
  }

  /** When the agent started the stream, on the agent's clock. */
  get startedUnixNs(): bigint {
    return this.started?.startedUnixNs ?? 0n;
  }

  get isEnded(): boolean {
    return this.endedValue !== undefined || this.failure !== undefined;
  }

  /** Receive events live (first the ones held so far); returns an unsubscribe function. */
  on(listener: (event: StreamEvent) => void): () => void {
    this.listeners.add(listener);
    const held = this.held ?? [];
    this.held = undefined;
    for (const event of held) listener(event);
    return () => this.listeners.delete(listener);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<StreamEvent> {
    const queue: StreamEvent[] = [];
    let wake: (() => void) | undefined;
    const off = this.on((event) => {
      queue.push(event);
      wake?.();
    });
    const over = this.ended.then(
      () => undefined,
      () => undefined,
    );
    try {
      for (;;) {
        const event = queue.shift();
        if (event !== undefined) {
          yield event;
          continue;
        }
        if (this.isEnded) break;
        await Promise.race([new Promise<void>((resolve) => (wake = resolve)), over]);
        wake = undefined;
      }
      if (this.failure !== undefined) throw this.failure;
    } finally {
      off();
    }
  }

  /** Every event until the stream ends, and its StreamEnded. */
  async collect(): Promise<{ readonly events: readonly StreamEvent[]; readonly ended: StreamEnded }> {
    const events: StreamEvent[] = [];
    const off = this.on((event) => events.push(event));
    try {
      return { events, ended: await this.ended };
    } finally {
      off();
    }
  }

  /** StreamStop; resolves once the agent has answered (after its StreamEnded). */
  async stop(): Promise<{ readonly stopped: StreamStopped; readonly ended: StreamEnded }> {
    const stopped = await this.stopper(this);
    return { stopped, ended: await this.ended };
  }

  /** @internal The router's side. */
  markStarted(started: StreamStarted): void {
    this.started = started;
  }

  /** @internal */
  deliver(event: StreamEvent): void {
    if (this.held !== undefined) this.held.push(event);
    else for (const listener of this.listeners) listener(event);
  }

  /** @internal */
  end(ended: StreamEnded): void {
    if (this.isEnded) return;
    this.endedValue = ended;
    this.settle.resolve(ended);
  }

  /** @internal */
  fail(error: TestbenchError): void {
    if (this.isEnded) return;
    this.failure = error;
    this.settle.reject(error);
  }
}
