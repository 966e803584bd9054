import { performance } from "node:perf_hooks";
import { setTimeout as sleepMs } from "node:timers/promises";
import type { Clock } from "./clock.js";

/** The real clock: performance.now() for monotonic time, Date.now() for timestamps. */
export const systemClock: Clock = Object.freeze({
  monotonicS: () => performance.now() / 1000,
  wallMs: () => Date.now(),
  sleep: async (durationS: number, signal?: AbortSignal) => {
    await sleepMs(Math.max(0, durationS * 1000), undefined, signal ? { signal } : undefined);
  },
});
