import { describe, expect, it } from "vitest";
import { createDevice } from "../../../../common/devices/create.js";
import { createSplitMix64 } from "../../../../common/devices/rng.js";

describe("hard device", () => {
  it("without noise forwards exactly min(offered, floor(duration * mrr))", () => {
    const device = createDevice({ kind: "hard", mrrPps: 1e6, noise: 0 });
    expect(device.kind).toBe("hard");
    expect(device.trial(999999.9, 1)).toEqual({ offeredCount: 999999, lostCount: 0 });
    expect(device.trial(1e6, 1)).toEqual({ offeredCount: 1000000, lostCount: 0 });
    expect(device.trial(1.5e6, 2)).toEqual({ offeredCount: 3000000, lostCount: 1000000 });
    expect(device.trial(1e9, 0.5)).toEqual({ offeredCount: 500000000, lostCount: 499500000 });
  });

  it("draws one normal per trial, noise scaling the capacity", () => {
    const device = createDevice({ kind: "hard", mrrPps: 1e7, noise: 0.01, seed: 5 });
    const rng = createSplitMix64(5);
    for (let i = 0; i < 20; i += 1) {
      const capacity = Math.floor(1 * 1e7 * (1 + 0.01 * rng.normal()));
      const offered = 12_000_000;
      expect(device.trial(1.2e7, 1)).toEqual({ offeredCount: offered, lostCount: offered - Math.min(offered, capacity) });
    }
  });

  it("is deterministic per seed and differs between seeds", () => {
    const run = (seed: number): number[] => {
      const device = createDevice({ kind: "hard", mrrPps: 1e7, seed });
      return Array.from({ length: 10 }, () => device.trial(2e7, 1).lostCount);
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });

  it("never forwards a negative count, even with absurd noise", () => {
    const device = createDevice({ kind: "hard", mrrPps: 100, noise: 1, seed: 2 });
    for (let i = 0; i < 1000; i += 1) {
      const { offeredCount, lostCount } = device.trial(50, 1);
      expect(lostCount).toBeGreaterThanOrEqual(0);
      expect(lostCount).toBeLessThanOrEqual(offeredCount);
    }
  });
});
