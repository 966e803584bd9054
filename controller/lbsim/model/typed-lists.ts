/** Growable typed lists (request ids, samples): no per-request objects, no closures. */

/** An append-only list that callers compact in place (keep order, drop finished entries). */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(initialCapacity = 8) {
    this.data = new Int32Array(Math.max(1, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  clear(): void {
    this.length = 0;
  }
}

/** A FIFO ring that also takes values at the front (a server queue: starved requests go back first). */
export class IntDeque {
  private data: Int32Array;
  private head = 0;
  length = 0;

  constructor(initialCapacity = 16) {
    this.data = new Int32Array(Math.max(2, initialCapacity));
  }

  private grow(): void {
    const grown = new Int32Array(this.data.length * 2);
    for (let index = 0; index < this.length; index += 1) grown[index] = this.data[(this.head + index) % this.data.length] as number;
    this.data = grown;
    this.head = 0;
  }

  pushBack(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[(this.head + this.length) % this.data.length] = value;
    this.length += 1;
  }

  pushFront(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.head = (this.head - 1 + this.data.length) % this.data.length;
    this.data[this.head] = value;
    this.length += 1;
  }

  /** The front value; the deque must not be empty. */
  popFront(): number {
    const value = this.data[this.head] as number;
    this.head = (this.head + 1) % this.data.length;
    this.length -= 1;
    return value;
  }

  /** The value at position `index` from the front. */
  at(index: number): number {
    return this.data[(this.head + index) % this.data.length] as number;
  }
}

/** An append-only list of numbers (metric samples). */
export class FloatList {
  data: Float64Array;
  length = 0;

  constructor(initialCapacity = 64) {
    this.data = new Float64Array(Math.max(1, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** A copy of the values pushed so far. */
  values(): Float64Array {
    return this.data.slice(0, this.length);
  }
}
