/** Requests of one connection in flight, from receipt until the response is sent (every request kind). */
export class PendingCount {
  private count = 0;

  get value(): number {
    return this.count;
  }

  /** Count one more unless `max` are already in flight. */
  tryAcquire(max: number): boolean {
    if (this.count >= max) return false;
    this.count++;
    return true;
  }

  release(): void {
    this.count = Math.max(0, this.count - 1);
  }
}
