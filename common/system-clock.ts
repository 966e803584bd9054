import { performance } from "node:perf_hooks";
import { setTimeout as sleepMs } from "node:timers/promises";
import type { Clock } from "./clock.js";

/**
 * The real clock: performance.now() for monotonic time, timeOrigin + now() for sub-millisecond
 * timestamps. sleep() never returns before its deadline on the monotonic clock: timers may fire
 * a little early against performance.now(), so it sleeps again for whatever is left. (It does
 * not spin: a trial's traffic is timed by the generator, so waking late only adds overhead,
 * while waking early would cut traffic short.)
 */
export const systemClock: Clock = Object.freeze({
  monotonicS: () => performance.now() / 1000,
  wallMs: () => performance.timeOrigin + performance.now(),
  sleep: async (durationS: number, signal?: AbortSignal) => {
    signal?.throwIfAborted();
    const deadlineMs = performance.now() + Math.max(0, durationS) * 1000;
    for (let leftMs = deadlineMs - performance.now(); leftMs > 0; leftMs = deadlineMs - performance.now()) {
      try {
        await sleepMs(leftMs, undefined, signal ? { signal } : undefined);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        throw error;
      }
    }
  },
});
