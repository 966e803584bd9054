/**
 * The notebook's LastN of numbers: the last `capacity` values, with latest, mean and the
 * notebook's window EWMA (seeded with the oldest value, then weight * x + (1 - weight) * average
 * in insertion order). "None" (no values) is NaN here.
 */
export class RingWindow {
  private readonly values: Float64Array;
  private next = 0;
  private filled = 0;
  private sum = 0;

  constructor(readonly capacity: number) {
    this.values = new Float64Array(capacity);
  }

  get size(): number {
    return this.filled;
  }

  insert(value: number): void {
    if (this.filled === this.capacity) this.sum -= this.values[this.next] as number;
    else this.filled += 1;
    this.values[this.next] = value;
    this.sum += value;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
  }

  /** The newest value, NaN when empty. */
  latest(): number {
    if (this.filled === 0) return Number.NaN;
    return this.values[this.next === 0 ? this.capacity - 1 : this.next - 1] as number;
  }

  /** The mean of the window, NaN when empty. */
  mean(): number {
    return this.filled === 0 ? Number.NaN : this.sum / this.filled;
  }

  /** The notebook's windowed EWMA, NaN when empty. */
  ewma(weight: number): number {
    if (this.filled === 0) return Number.NaN;
    let index = this.filled === this.capacity ? this.next : 0;
    let average = this.values[index] as number;
    for (let seen = 1; seen < this.filled; seen += 1) {
      index = index + 1 === this.capacity ? 0 : index + 1;
      average = weight * (this.values[index] as number) + (1 - weight) * average;
    }
    return average;
  }

  clear(): void {
    this.next = 0;
    this.filled = 0;
    this.sum = 0;
  }
}
