import { performance } from "node:perf_hooks";
import { setImmediate as yieldToLoop, setTimeout as sleepMs } from "node:timers/promises";
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

/** How close to the deadline preciseSystemClock stops using timers. */
const FINE_SLEEP_MS = 2;

/**
 * The real clock with a sleep precise to a few tens of microseconds: timers until 2 ms before
 * the deadline, then yielding to the event loop until it. For a process that runs one timed
 * thing at a time (an agent driving its traffic generator), where every millisecond of sleep
 * overshoot is control overhead added to every trial; it costs up to 2 ms of CPU per sleep.
 */
export const preciseSystemClock: Clock = Object.freeze({
  monotonicS: systemClock.monotonicS,
  wallMs: systemClock.wallMs,
  sleep: async (durationS: number, signal?: AbortSignal) => {
    signal?.throwIfAborted();
    const deadlineMs = performance.now() + Math.max(0, durationS) * 1000;
    const coarseS = (deadlineMs - FINE_SLEEP_MS - performance.now()) / 1000;
    if (coarseS > 0) await systemClock.sleep(coarseS, signal);
    while (performance.now() < deadlineMs) {
      await yieldToLoop();
      signal?.throwIfAborted();
    }
  },
});
