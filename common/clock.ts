/**
 * Time is injected. Logic never reads the wall clock or schedules timers itself:
 * it takes a Clock. `monotonicS` is for durations and deadlines, `wallMs` for timestamps.
 */
export interface Clock {
  /** Seconds on a monotonic scale (arbitrary origin). */
  monotonicS(): number;
  /** Milliseconds since the Unix epoch. */
  wallMs(): number;
  /** Resolve after `durationS` seconds, or reject with the signal's reason when it aborts. */
  sleep(durationS: number, signal?: AbortSignal): Promise<void>;
}

/**
 * A clock that only moves when told to. Searches over simulated devices use it
 * to count effective trial seconds instead of wall time (as the conformance vectors do).
 */
export class VirtualClock implements Clock {
  private nowS: number;
  private readonly originWallMs: number;

  constructor(startS = 0, originWallMs = 0) {
    this.nowS = startS;
    this.originWallMs = originWallMs;
  }

  monotonicS(): number {
    return this.nowS;
  }

  wallMs(): number {
    return this.originWallMs + this.nowS * 1000;
  }

  advance(durationS: number): void {
    if (!(durationS >= 0)) throw new RangeError(`VirtualClock.advance needs a non-negative duration, got ${durationS}`);
    this.nowS += durationS;
  }

  sleep(durationS: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.advance(Math.max(0, durationS));
    return Promise.resolve();
  }
}
