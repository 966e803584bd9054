import { describe, expect, it } from "vitest";
import { backoffDelayS, compileBackoff, DEFAULT_BACKOFF } from "../../../../controller/agents/backoff.js";

describe("backoffDelayS", () => {
  const policy = compileBackoff({ initialDelayS: 0.1, maxDelayS: 1, multiplier: 2, jitterRatio: 0.5 });

  it("grows exponentially up to the cap, without jitter when random() is 1", () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayS(policy, attempt, () => 1))).toEqual([0.1, 0.2, 0.4, 0.8, 1, 1]);
  });

  it("takes up to jitterRatio of each delay away at random", () => {
    expect(backoffDelayS(policy, 3, () => 0)).toBeCloseTo(0.2, 12);
    expect(backoffDelayS(policy, 3, () => 0.5)).toBeCloseTo(0.3, 12);
  });

  it("spreads two clients apart for the same attempt", () => {
    expect(backoffDelayS(policy, 2, () => 0.1)).not.toBe(backoffDelayS(policy, 2, () => 0.9));
  });
});

describe("compileBackoff", () => {
  it("fills defaults and freezes", () => {
    const policy = compileBackoff({ maxAttempts: 3 });
    expect(policy).toEqual({ ...DEFAULT_BACKOFF, maxAttempts: 3 });
    expect(Object.isFrozen(policy)).toBe(true);
  });

  it.each([
    [{ initialDelayS: -1 }, /initialDelayS/],
    [{ maxDelayS: 0.01, initialDelayS: 1 }, /maxDelayS/],
    [{ multiplier: 0.5 }, /multiplier/],
    [{ jitterRatio: 2 }, /jitterRatio/],
    [{ maxAttempts: 0 }, /maxAttempts/],
  ])("refuses %o naming the option", (raw, message) => {
    expect(() => compileBackoff(raw)).toThrow(message);
  });
});
