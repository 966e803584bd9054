/**
 * Prequal's per-client state (Wydrowski et al., NSDI 2024): a pool of recent probe answers (channel,
 * receive tick, RIF, latency, uses left), newest answer per channel, and a window of recently
 * probed RIFs whose quantile splits hot from cold. Pools are small (16), so entries stay in
 * insertion order and ties go to the older entry.
 */
export class PrequalPools {
  readonly size: Int32Array;
  private readonly channel: Int32Array;
  private readonly receivedTick: Float64Array;
  readonly rif: Float64Array;
  private readonly latency: Float64Array;
  private readonly usesLeft: Int32Array;
  private readonly window: Float64Array;
  private readonly sorted: Float64Array;
  private readonly windowNext: Int32Array;
  private readonly windowFilled: Int32Array;

  constructor(
    clients: number,
    private readonly capacity: number,
    private readonly historyDepth: number,
  ) {
    this.size = new Int32Array(clients);
    this.channel = new Int32Array(clients * capacity);
    this.receivedTick = new Float64Array(clients * capacity);
    this.rif = new Float64Array(clients * capacity);
    this.latency = new Float64Array(clients * capacity);
    this.usesLeft = new Int32Array(clients * capacity);
    this.window = new Float64Array(clients * historyDepth);
    this.sorted = new Float64Array(clients * historyDepth);
    this.windowNext = new Int32Array(clients);
    this.windowFilled = new Int32Array(clients);
  }

  channelAt(client: number, index: number): number {
    return this.channel[client * this.capacity + index] as number;
  }

  private remove(client: number, index: number): void {
    const base = client * this.capacity;
    const last = base + (this.size[client] as number) - 1;
    for (let at = base + index; at < last; at += 1) {
      this.channel[at] = this.channel[at + 1] as number;
      this.receivedTick[at] = this.receivedTick[at + 1] as number;
      this.rif[at] = this.rif[at + 1] as number;
      this.latency[at] = this.latency[at + 1] as number;
      this.usesLeft[at] = this.usesLeft[at + 1] as number;
    }
    this.size[client] = (this.size[client] as number) - 1;
  }

  /** Pool an answer: it replaces the channel's older answer; past capacity the oldest entry goes. */
  insert(client: number, channel: number, tick: number, rif: number, latency: number, uses: number): void {
    const base = client * this.capacity;
    for (let index = 0; index < (this.size[client] as number); index += 1) {
      if (this.channel[base + index] === channel) {
        this.remove(client, index);
        break;
      }
    }
    if (this.size[client] === this.capacity) this.removeOldest(client);
    const at = base + (this.size[client] as number);
    this.channel[at] = channel;
    this.receivedTick[at] = tick;
    this.rif[at] = rif;
    this.latency[at] = latency;
    this.usesLeft[at] = uses;
    this.size[client] = (this.size[client] as number) + 1;
  }

  /** Drop answers older than maxAgeTicks. */
  expire(client: number, tick: number, maxAgeTicks: number): void {
    const base = client * this.capacity;
    for (let index = (this.size[client] as number) - 1; index >= 0; index -= 1) {
      if (tick - (this.receivedTick[base + index] as number) > maxAgeTicks) this.remove(client, index);
    }
  }

  /** HCL over the entries `eligible` accepts: the cold one of least (latency, RIF), else the least (RIF, latency); -1 if none. */
  select(client: number, threshold: number, eligible: (channel: number) => boolean): number {
    const base = client * this.capacity;
    let cold = -1;
    let any = -1;
    for (let index = 0; index < (this.size[client] as number); index += 1) {
      const at = base + index;
      if (!eligible(this.channel[at] as number)) continue;
      const rif = this.rif[at] as number;
      const latency = this.latency[at] as number;
      if (!(rif > threshold)) {
        const best = base + cold;
        if (cold < 0 || latency < (this.latency[best] as number) || (latency === this.latency[best] && rif < (this.rif[best] as number))) cold = index;
      }
      const best = base + any;
      if (any < 0 || rif < (this.rif[best] as number) || (rif === this.rif[best] && latency < (this.latency[best] as number))) any = index;
    }
    return cold >= 0 ? cold : any;
  }

  /** Use an entry: its RIF goes up by one (the request just sent); it leaves the pool when its uses run out. */
  consume(client: number, index: number): number {
    const at = client * this.capacity + index;
    const channel = this.channel[at] as number;
    this.rif[at] = (this.rif[at] as number) + 1;
    this.usesLeft[at] = (this.usesLeft[at] as number) - 1;
    if ((this.usesLeft[at] as number) <= 0) this.remove(client, index);
    return channel;
  }

  removeOldest(client: number): void {
    const base = client * this.capacity;
    let oldest = -1;
    for (let index = 0; index < (this.size[client] as number); index += 1) {
      if (oldest < 0 || (this.receivedTick[base + index] as number) < (this.receivedTick[base + oldest] as number)) oldest = index;
    }
    if (oldest >= 0) this.remove(client, oldest);
  }

  /** The hot entry of highest RIF, else the entry of highest latency. */
  removeWorst(client: number, threshold: number): void {
    const base = client * this.capacity;
    let hot = -1;
    let slow = -1;
    for (let index = 0; index < (this.size[client] as number); index += 1) {
      const at = base + index;
      if ((this.rif[at] as number) > threshold && (hot < 0 || (this.rif[at] as number) > (this.rif[base + hot] as number))) hot = index;
      if (slow < 0 || (this.latency[at] as number) > (this.latency[base + slow] as number)) slow = index;
    }
    const worst = hot >= 0 ? hot : slow;
    if (worst >= 0) this.remove(client, worst);
  }

  /** Remember a probed RIF in the client's window (kept sorted alongside). */
  pushRif(client: number, rif: number): void {
    const base = client * this.historyDepth;
    const filled = this.windowFilled[client] as number;
    let length = filled;
    if (filled === this.historyDepth) {
      const evicted = this.window[base + (this.windowNext[client] as number)] as number;
      let at = base;
      while (this.sorted[at] !== evicted) at += 1;
      this.sorted.copyWithin(at, at + 1, base + length);
      length -= 1;
    } else this.windowFilled[client] = filled + 1;
    this.window[base + (this.windowNext[client] as number)] = rif;
    this.windowNext[client] = ((this.windowNext[client] as number) + 1) % this.historyDepth;
    let at = base + length;
    while (at > base && (this.sorted[at - 1] as number) > rif) {
      this.sorted[at] = this.sorted[at - 1] as number;
      at -= 1;
    }
    this.sorted[at] = rif;
  }

  /** The qRif quantile of the window (the value at floor((n - 1) * q)); NaN (nothing is hot) when empty. */
  threshold(client: number, qRif: number): number {
    const filled = this.windowFilled[client] as number;
    if (filled === 0) return Number.NaN;
    return this.sorted[client * this.historyDepth + Math.floor((filled - 1) * qRif)] as number;
  }
}
