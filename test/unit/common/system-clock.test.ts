import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { systemClock } from "../../../common/system-clock.js";

describe("systemClock", () => {
  it("never wakes before the deadline and overshoots by a couple of milliseconds at most at the median", async () => {
    const overshootsMs: number[] = [];
    for (let index = 0; index < 40; index += 1) {
      const startMs = performance.now();
      await systemClock.sleep(0.005);
      overshootsMs.push(performance.now() - startMs - 5);
    }
    overshootsMs.sort((a, b) => a - b);
    expect(overshootsMs[0]).toBeGreaterThanOrEqual(0);
    expect(overshootsMs[20]).toBeLessThan(3);
  });

  it("rejects with the signal's reason when aborted, before or during the sleep", async () => {
    const before = new AbortController();
    before.abort(new Error("stop before"));
    await expect(systemClock.sleep(1, before.signal)).rejects.toThrow("stop before");
    const during = new AbortController();
    const sleeping = systemClock.sleep(5, during.signal);
    during.abort(new Error("stop during"));
    await expect(sleeping).rejects.toThrow("stop during");
  });

  it("gives sub-millisecond wall timestamps close to Date.now()", () => {
    expect(Math.abs(systemClock.wallMs() - Date.now())).toBeLessThan(50);
    expect(systemClock.monotonicS()).toBeLessThanOrEqual(systemClock.monotonicS());
  });
});
