/**
 * Every request and probe in flight, as parallel typed arrays indexed by a pooled id (no object
 * per request). The notebook's state machine: PICKING -> SENDING -> SERVER_QUEUE -> PROCESSING ->
 * RECEIVING -> COMPLETED (a server reset may send PROCESSING back to SERVER_QUEUE). Ids are
 * reused after completion; `generation` tells a reused id from the request a probe was sent for.
 */
export const PICKING = 0;
export const SENDING = 1;
export const SERVER_QUEUE = 2;
export const PROCESSING = 3;
export const RECEIVING = 4;
export const COMPLETED = 5;

/** A client request. */
export const KIND_REQUEST = 0;
/** The notebook's probe: a request that costs probeProcessingTicks of a server thread. */
export const KIND_PROBE = 1;
/** A Prequal probe: answered on arrival at the server (RIF and latency estimate), no thread used. */
export const KIND_LOAD_PROBE = 2;

export class RequestTable {
  capacity = 0;
  live = 0;
  private freeIds = new Int32Array(0);
  private freeCount = 0;
  state = new Uint8Array(0);
  kind = new Uint8Array(0);
  generation = new Int32Array(0);
  client = new Int32Array(0);
  channel = new Int32Array(0);
  startedTick = new Int32Array(0);
  sentTick = new Int32Array(0);
  enqueuedTick = new Int32Array(0);
  dueTick = new Int32Array(0);
  /** The server-state snapshot row returned with the response, -1 for none. */
  snapshot = new Int32Array(0);
  /** For probes sent on behalf of a request: its id, generation and slot; -1 otherwise. */
  owner = new Int32Array(0);
  ownerGeneration = new Int32Array(0);
  ownerSlot = new Int32Array(0);
  /** A load probe's answer. */
  reportedRif = new Float64Array(0);
  reportedLatencyTicks = new Float64Array(0);

  constructor(initialCapacity: number) {
    this.grow(Math.max(16, initialCapacity));
  }

  private grow(capacity: number): void {
    const old = this.capacity;
    const widen = <T extends Uint8Array | Int32Array | Float64Array>(array: T, make: (n: number) => T): T => {
      const grown = make(capacity);
      grown.set(array);
      return grown;
    };
    this.state = widen(this.state, (n) => new Uint8Array(n));
    this.kind = widen(this.kind, (n) => new Uint8Array(n));
    this.generation = widen(this.generation, (n) => new Int32Array(n));
    this.client = widen(this.client, (n) => new Int32Array(n));
    this.channel = widen(this.channel, (n) => new Int32Array(n));
    this.startedTick = widen(this.startedTick, (n) => new Int32Array(n));
    this.sentTick = widen(this.sentTick, (n) => new Int32Array(n));
    this.enqueuedTick = widen(this.enqueuedTick, (n) => new Int32Array(n));
    this.dueTick = widen(this.dueTick, (n) => new Int32Array(n));
    this.snapshot = widen(this.snapshot, (n) => new Int32Array(n));
    this.owner = widen(this.owner, (n) => new Int32Array(n));
    this.ownerGeneration = widen(this.ownerGeneration, (n) => new Int32Array(n));
    this.ownerSlot = widen(this.ownerSlot, (n) => new Int32Array(n));
    this.reportedRif = widen(this.reportedRif, (n) => new Float64Array(n));
    this.reportedLatencyTicks = widen(this.reportedLatencyTicks, (n) => new Float64Array(n));
    this.state.fill(COMPLETED, old);
    const freeIds = new Int32Array(capacity);
    freeIds.set(this.freeIds.subarray(0, this.freeCount));
    for (let id = capacity - 1; id >= old; id -= 1) freeIds[this.freeCount++] = id;
    this.freeIds = freeIds;
    this.capacity = capacity;
  }

  /** A new request in PICKING, started on `tick`. */
  allocate(kind: number, client: number, tick: number): number {
    if (this.freeCount === 0) this.grow(this.capacity * 2);
    const id = this.freeIds[--this.freeCount] as number;
    this.state[id] = PICKING;
    this.kind[id] = kind;
    this.client[id] = client;
    this.channel[id] = -1;
    this.startedTick[id] = tick;
    this.snapshot[id] = -1;
    this.owner[id] = -1;
    this.live += 1;
    return id;
  }

  release(id: number): void {
    this.state[id] = COMPLETED;
    this.generation[id] = ((this.generation[id] as number) + 1) | 0;
    this.freeIds[this.freeCount++] = id;
    this.live -= 1;
  }
}
