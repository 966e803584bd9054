/**
 * HCL's health history: the last `depth` health values per channel name (the notebook keyed it by
 * "client -> server", so a client's two channels to one server share one history), and each
 * client's cut-off over the histories of its channels, with a channel's history counted once per
 * channel (the notebook concatenated them channel by channel). With whole-number health and the
 * client's full channel list, each client's values live in a CountingTree; otherwise they are
 * gathered and sorted per pick.
 */
import type { ChannelTable } from "../model/channel-table.js";
import { CountingTree, linearPercentile } from "./counting-tree.js";
import { ensureFloat64 } from "./sampling.js";

export class HealthHistory {
  /** keySlot[channel]: the first channel of its client with the same server; histories live there. */
  private readonly keySlot: Int32Array;
  /** multiplicity[slot]: the client's channels sharing that history. */
  private readonly multiplicity: Int32Array;
  private readonly values: Float64Array;
  private readonly next: Int32Array;
  private readonly filled: Int32Array;
  private readonly trees: CountingTree[] = [];
  private gathered = new Float64Array(0);

  constructor(
    channels: ChannelTable,
    private readonly depth: number,
    private readonly counted: boolean,
  ) {
    this.keySlot = new Int32Array(channels.count);
    this.multiplicity = new Int32Array(channels.count);
    for (let channel = 0; channel < channels.count; channel += 1) {
      const first = (channels.client[channel] as number) * channels.perClient;
      let slot = first;
      while (channels.pairKey[slot] !== channels.pairKey[channel]) slot += 1;
      this.keySlot[channel] = slot;
      this.multiplicity[slot] = (this.multiplicity[slot] as number) + 1;
    }
    this.values = new Float64Array(channels.count * depth);
    this.next = new Int32Array(channels.count);
    this.filled = new Int32Array(channels.count);
    if (counted) for (let client = 0; client < channels.clients; client += 1) this.trees.push(new CountingTree());
  }

  /** Record a health value for `channel` (of `client`). */
  insert(client: number, channel: number, health: number): void {
    const slot = this.keySlot[channel] as number;
    const at = slot * this.depth + (this.next[slot] as number);
    const tree = this.counted ? this.trees[client] : undefined;
    if (this.filled[slot] === this.depth) tree?.add(this.values[at] as number, -(this.multiplicity[slot] as number));
    else this.filled[slot] = (this.filled[slot] as number) + 1;
    this.values[at] = health;
    tree?.add(health, this.multiplicity[slot] as number);
    this.next[slot] = ((this.next[slot] as number) + 1) % this.depth;
  }

  /** The `fraction` percentile (numpy's linear rule) of the histories of the candidates; NaN when empty. */
  cutoff(client: number, list: Int32Array, start: number, count: number, fraction: number): number {
    const tree = this.counted ? this.trees[client] : undefined;
    if (tree !== undefined) return tree.total === 0 ? Number.NaN : linearPercentile(tree.total, fraction, (k) => tree.kth(k));
    let n = 0;
    for (let index = start; index < start + count; index += 1) n += this.filled[this.keySlot[list[index] as number] as number] as number;
    if (n === 0) return Number.NaN;
    this.gathered = ensureFloat64(this.gathered, n);
    let at = 0;
    for (let index = start; index < start + count; index += 1) {
      const slot = this.keySlot[list[index] as number] as number;
      const filled = this.filled[slot] as number;
      this.gathered.set(this.values.subarray(slot * this.depth, slot * this.depth + filled), at);
      at += filled;
    }
    const sorted = this.gathered.subarray(0, n).sort();
    return linearPercentile(n, fraction, (k) => sorted[k] as number);
  }
}
