/** Random choices the pickers share, written against the picker stream without allocating. */
import type { RandomStream } from "../random/rng.js";

/** Python's random.sample(channels, k): k distinct entries of list[start..start+count) into out[0..k). */
export function sampleDistinct(rng: RandomStream, list: Int32Array, start: number, count: number, k: number, scratch: Int32Array, out: Int32Array): void {
  for (let index = 0; index < count; index += 1) scratch[index] = list[start + index] as number;
  for (let index = 0; index < k; index += 1) {
    const pick = index + rng.below(count - index);
    const chosen = scratch[pick] as number;
    scratch[pick] = scratch[index] as number;
    scratch[index] = chosen;
    out[index] = chosen;
  }
}

/** Python's random.choices(range(n), weights): an index with probability weights[i] / sum (weights >= 0). */
export function weightedIndex(rng: RandomStream, weights: Float64Array, n: number): number {
  let total = 0;
  for (let index = 0; index < n; index += 1) total += weights[index] as number;
  const target = rng.uniform() * total;
  let cumulative = 0;
  for (let index = 0; index < n - 1; index += 1) {
    cumulative += weights[index] as number;
    if (target < cumulative) return index;
  }
  return n - 1;
}

/** A scratch array at least `size` long, reallocated only when too short. */
export function ensureInt32(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  return array.length >= size ? array : new Int32Array(Math.max(size, array.length * 2));
}

export function ensureFloat64(array: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  return array.length >= size ? array : new Float64Array(Math.max(size, array.length * 2));
}
