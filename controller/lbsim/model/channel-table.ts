/**
 * Channels (one per client and subset slot, ids client * perClient + slot) as parallel arrays:
 * a one-way mean delay, the requests on the wire each way, and what the client knows from them.
 */
import { IntList } from "./typed-lists.js";
import { RingWindow } from "./ring-window.js";

export class ChannelTable {
  readonly count: number;
  readonly client: Int32Array;
  readonly server: Int32Array;
  /** client * servers + server: the notebook's channel name, shared by two channels to one server. */
  readonly pairKey: Int32Array;
  /** Mean one-way ticks: (server RTT + channel RTT) / 2, re-drawn on a network reset. */
  readonly meanTicks: Float64Array;
  readonly nextResetTick: Float64Array;
  /** The notebook's requests_in_flight: +1 on send, -1 when the server finishes (requests and probes). */
  readonly inFlight: Int32Array;
  /** Requests sent and not yet answered at the client (Envoy's active requests, peak-EWMA's pending). */
  readonly active: Int32Array;
  readonly sending: IntList[] = [];
  readonly receiving: IntList[] = [];
  /** Latency (ticks) of the last clientRequestsBuffer completions on the channel, probes included. */
  readonly completedLatency: RingWindow[] = [];
  /** The snapshot row of the latest completion, -1 before any. */
  readonly lastSnapshot: Int32Array;

  constructor(
    readonly clients: number,
    readonly perClient: number,
    requestsBuffer: number,
  ) {
    this.count = clients * perClient;
    this.client = new Int32Array(this.count);
    this.server = new Int32Array(this.count);
    this.pairKey = new Int32Array(this.count);
    this.meanTicks = new Float64Array(this.count);
    this.nextResetTick = new Float64Array(this.count);
    this.inFlight = new Int32Array(this.count);
    this.active = new Int32Array(this.count);
    this.lastSnapshot = new Int32Array(this.count).fill(-1);
    for (let channel = 0; channel < this.count; channel += 1) {
      this.client[channel] = Math.floor(channel / perClient);
      this.sending.push(new IntList(16));
      this.receiving.push(new IntList(16));
      this.completedLatency.push(new RingWindow(requestsBuffer));
    }
  }
}
