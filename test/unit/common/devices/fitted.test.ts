import { describe, expect, it } from "vitest";
import { createDevice } from "../../../../common/devices/create.js";
import { expectedLossCount } from "../../../../common/devices/fitted.js";
import { lfitErf, lfitStretch } from "../../../../common/devices/fitting.js";

describe.each([
  ["stretch", lfitStretch],
  ["erf", lfitErf],
] as const)("%s device", (kind, lfit) => {
  it("loses Poisson(duration * exp(lfit)) packets on average", () => {
    const device = createDevice({ kind, mrrPps: 1e7, spreadPps: 1e5, seed: 11 });
    const loadPps = 9.9e6;
    const durationS = 2;
    const mean = expectedLossCount(lfit, loadPps, durationS, 1e7, 1e5);
    expect(mean).toBeCloseTo(durationS * Math.exp(lfit(loadPps, 1e7, 1e5)), 6);
    const trials = 4000;
    let sum = 0;
    for (let i = 0; i < trials; i += 1) sum += device.trial(loadPps, durationS).lostCount;
    expect(Math.abs(sum / trials - mean)).toBeLessThan(5 * Math.sqrt(mean / trials) + 1e-9);
  });

  it("loses about load - mrr packets per second far above mrr", () => {
    const device = createDevice({ kind, mrrPps: 1e7, spreadPps: 1e5 });
    const { offeredCount, lostCount } = device.trial(2e7, 1);
    expect(offeredCount).toBe(20_000_000);
    expect(Math.abs(lostCount - 1e7)).toBeLessThan(10 * Math.sqrt(1e7));
  });

  it("caps the loss at the offered count and loses nothing when nothing is offered", () => {
    const device = createDevice({ kind, mrrPps: 1, spreadPps: 1, seed: 4 });
    let capped = 0;
    for (let i = 0; i < 500; i += 1) {
      const { offeredCount, lostCount } = device.trial(3, 1);
      expect(lostCount).toBeLessThanOrEqual(offeredCount);
      if (lostCount === offeredCount) capped += 1;
    }
    expect(capped).toBeGreaterThan(0);
    expect(device.trial(0, 1)).toEqual({ offeredCount: 0, lostCount: 0 });
  });

  it("is deterministic per seed", () => {
    const run = (): number[] => {
      const device = createDevice({ kind, mrrPps: 1e7, spreadPps: 1e5, seed: 8 });
      return [9.5e6, 9.9e6, 1e7, 1.1e7].map((load) => device.trial(load, 1).lostCount);
    };
    expect(run()).toEqual(run());
  });
});
