/**
 * A server's latency by requests in flight (the notebook's latency_with_rif: the latest mean
 * queue + processing latency seen at each RIF count) and its interpolate(): the value at x, or
 * linear between the nearest known RIFs below and above, or the nearest one past either end.
 */
export class LatencyByRif {
  private latency = new Float64Array(64).fill(Number.NaN);
  private lowest = Infinity;
  private highest = -Infinity;

  set(rif: number, latencyTicks: number): void {
    if (rif >= this.latency.length) {
      let size = this.latency.length;
      while (size <= rif) size *= 2;
      const grown = new Float64Array(size).fill(Number.NaN);
      grown.set(this.latency);
      this.latency = grown;
    }
    this.latency[rif] = latencyTicks;
    if (rif < this.lowest) this.lowest = rif;
    if (rif > this.highest) this.highest = rif;
  }

  /** NaN when nothing is known. */
  interpolate(x: number): number {
    if (this.highest < 0) return Number.NaN;
    if (x >= this.highest) return this.latency[this.highest] as number;
    if (x <= this.lowest) return this.latency[this.lowest] as number;
    let below = Math.floor(x);
    while (Number.isNaN(this.latency[below] as number)) below -= 1;
    if (below === x) return this.latency[below] as number;
    let above = Math.ceil(x);
    while (Number.isNaN(this.latency[above] as number)) above += 1;
    const low = this.latency[below] as number;
    const high = this.latency[above] as number;
    return low + ((high - low) * (x - below)) / (above - below);
  }

  clear(): void {
    if (this.highest >= 0) this.latency.fill(Number.NaN, this.lowest, this.highest + 1);
    this.lowest = Infinity;
    this.highest = -Infinity;
  }
}
