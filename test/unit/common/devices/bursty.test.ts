import { describe, expect, it } from "vitest";
import { createDevice } from "../../../../common/devices/create.js";
import { createSplitMix64 } from "../../../../common/devices/rng.js";

describe("bursty device", () => {
  it("draws a normal then a uniform per trial and drops ceil(ratio * forwarded) on a burst", () => {
    const spec = { kind: "bursty", mrrPps: 1e6, noise: 0.001, seed: 21, burstProbability: 0.3, burstLossRatio: 0.05 } as const;
    const device = createDevice(spec);
    const rng = createSplitMix64(21);
    let bursts = 0;
    for (let i = 0; i < 200; i += 1) {
      const loadPps = i % 2 === 0 ? 5e5 : 2e6;
      const offered = Math.floor(loadPps);
      const forwarded = Math.max(0, Math.min(offered, Math.floor(1e6 * (1 + 0.001 * rng.normal()))));
      const burst = rng.uniform() < 0.3;
      if (burst) bursts += 1;
      const expectedLoss = offered - forwarded + (burst ? Math.ceil(0.05 * forwarded) : 0);
      expect(device.trial(loadPps, 1)).toEqual({ offeredCount: offered, lostCount: expectedLoss });
    }
    expect(bursts).toBeGreaterThan(30);
  });

  it("loses packets well below mrr on about burstProbability of the trials", () => {
    const device = createDevice({ kind: "bursty", mrrPps: 1e7 });
    const trials = 5000;
    let lossy = 0;
    for (let i = 0; i < trials; i += 1) {
      const { offeredCount, lostCount } = device.trial(5e6, 1);
      if (lostCount > 0) {
        lossy += 1;
        expect(lostCount).toBe(Math.ceil(0.01 * offeredCount));
      }
    }
    expect(Math.abs(lossy / trials - 0.1)).toBeLessThan(0.015);
  });

  it("behaves as a noiseless hard device when bursts never happen", () => {
    const bursty = createDevice({ kind: "bursty", mrrPps: 1e6, noise: 0, burstProbability: 0 });
    const hard = createDevice({ kind: "hard", mrrPps: 1e6, noise: 0 });
    for (const load of [1e5, 9.99e5, 1e6, 3e6]) expect(bursty.trial(load, 1)).toEqual(hard.trial(load, 1));
  });

  it("loses everything it forwards with burstLossRatio 1 on every trial", () => {
    const device = createDevice({ kind: "bursty", mrrPps: 1e6, noise: 0, burstProbability: 1, burstLossRatio: 1 });
    expect(device.trial(2e6, 1)).toEqual({ offeredCount: 2_000_000, lostCount: 2_000_000 });
  });
});
