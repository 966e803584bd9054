import { describe, expect, it } from "vitest";
import { POISSON_INVERSION_LIMIT, roundHalfEven, samplePoisson } from "../../../../common/devices/poisson.js";
import type { Rng } from "../../../../common/devices/rng.js";
import { createSplitMix64 } from "../../../../common/devices/rng.js";

/** An Rng that returns the given uniforms and counts the draws. */
function scriptedRng(uniforms: number[]): Rng & { draws: number } {
  const rng = {
    draws: 0,
    nextUint64(): bigint {
      throw new Error("not used");
    },
    uniform(): number {
      const value = uniforms[rng.draws];
      rng.draws += 1;
      if (value === undefined) throw new Error("scripted uniforms exhausted");
      return value;
    },
    normal(): number {
      const radius = rng.uniform();
      const angle = rng.uniform();
      return Math.sqrt(-2 * Math.log(radius)) * Math.cos(2 * Math.PI * angle);
    },
  };
  return rng;
}

describe("roundHalfEven", () => {
  it("rounds ties to even like Python's round()", () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4999, 2.5001, 7, 1e15 + 0.5].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2, 3, 7, 1e15]);
  });
});

describe("samplePoisson", () => {
  it("uses exactly one uniform below the inversion limit, including a zero mean", () => {
    for (const mean of [0, 1e-300, 0.5, 3, 499.9]) {
      const rng = scriptedRng([0.5]);
      samplePoisson(rng, mean);
      expect(rng.draws).toBe(1);
    }
    expect(samplePoisson(scriptedRng([0.999999]), 0)).toBe(0);
  });

  it("inverts the cumulative distribution: smallest k with F(k) >= u", () => {
    const mean = 2;
    const cdf = (k: number): number => {
      let term = Math.exp(-mean);
      let sum = term;
      for (let i = 1; i <= k; i += 1) {
        term *= mean / i;
        sum += term;
      }
      return sum;
    };
    expect(samplePoisson(scriptedRng([cdf(0) / 2]), mean)).toBe(0);
    expect(samplePoisson(scriptedRng([(cdf(2) + cdf(3)) / 2]), mean)).toBe(3);
    expect(samplePoisson(scriptedRng([cdf(4)]), mean)).toBe(4);
  });

  it("terminates for a uniform beyond the rounded total probability", () => {
    const count = samplePoisson(scriptedRng([1 - 2 ** -54]), POISSON_INVERSION_LIMIT - 1);
    expect(count).toBeGreaterThan(POISSON_INVERSION_LIMIT);
    expect(count).toBeLessThan(2000);
  });

  it("uses round(mean + sqrt(mean) * z) with one normal from the limit on", () => {
    const rng = scriptedRng([0.3, 0.1]);
    const z = Math.sqrt(-2 * Math.log(0.3)) * Math.cos(2 * Math.PI * 0.1);
    expect(samplePoisson(rng, 1e6)).toBe(roundHalfEven(1e6 + 1000 * z));
    expect(rng.draws).toBe(2);
  });

  it("has the mean and variance of a Poisson distribution on both paths", () => {
    for (const mean of [3.5, 120, 2000]) {
      const rng = createSplitMix64(9);
      const count = 20000;
      let sum = 0;
      let sumSquares = 0;
      for (let i = 0; i < count; i += 1) {
        const k = samplePoisson(rng, mean);
        expect(Number.isInteger(k) && k >= 0).toBe(true);
        sum += k;
        sumSquares += k * k;
      }
      const sampleMean = sum / count;
      const sampleVariance = sumSquares / count - sampleMean * sampleMean;
      expect(Math.abs(sampleMean - mean)).toBeLessThan(5 * Math.sqrt(mean / count));
      expect(Math.abs(sampleVariance / mean - 1)).toBeLessThan(0.05);
    }
  });

  it("rejects negative, NaN and infinite means", () => {
    for (const mean of [-1, Number.NaN, Infinity]) {
      expect(() => samplePoisson(createSplitMix64(1), mean)).toThrow(RangeError);
    }
  });
});
