/**
 * A multiset of non-negative integers in a Fenwick tree: add and remove in O(log V), the k-th
 * smallest in O(log V). HCL keeps each client's health history (RIF counts) in one, so the
 * percentile cut-off costs no sort.
 */
export class CountingTree {
  private tree: Float64Array;
  total = 0;

  constructor(initialSize = 256) {
    let size = 1;
    while (size < initialSize) size *= 2;
    this.tree = new Float64Array(size + 1);
  }

  private grow(value: number): void {
    let size = this.tree.length - 1;
    while (size <= value) size *= 2;
    const counts = new Float64Array(size);
    const old = this.tree.length - 1;
    for (let index = 0; index < old; index += 1) counts[index] = this.countAt(index);
    this.tree = new Float64Array(size + 1);
    for (let index = 0; index < old; index += 1) if (counts[index] !== 0) this.update(index, counts[index] as number);
  }

  private countAt(value: number): number {
    return this.prefix(value + 1) - this.prefix(value);
  }

  /** How many values are < `limit`. */
  private prefix(limit: number): number {
    let sum = 0;
    for (let position = limit; position > 0; position -= position & -position) sum += this.tree[position] as number;
    return sum;
  }

  private update(value: number, delta: number): void {
    for (let position = value + 1; position < this.tree.length; position += position & -position) {
      this.tree[position] = (this.tree[position] as number) + delta;
    }
  }

  /** Add `times` copies of `value` (negative `times` removes). */
  add(value: number, times: number): void {
    if (value >= this.tree.length - 1) this.grow(value);
    this.update(value, times);
    this.total += times;
  }

  /** The k-th smallest value (k from 0); k must be below `total`. */
  kth(k: number): number {
    let position = 0;
    let remaining = k;
    for (let step = (this.tree.length - 1) >> 0; step > 0; step >>= 1) {
      const next = position + step;
      if (next < this.tree.length && (this.tree[next] as number) <= remaining) {
        position = next;
        remaining -= this.tree[next] as number;
      }
    }
    return position;
  }
}

/** numpy.percentile's linear rule on a sorted sample of n values read through `at`. */
export function linearPercentile(n: number, fraction: number, at: (index: number) => number): number {
  const position = fraction * (n - 1);
  const low = Math.floor(position);
  const high = Math.min(n - 1, Math.ceil(position));
  const lowValue = at(low);
  return lowValue + (at(high) - lowValue) * (position - low);
}
