import { describe, expect, it } from "vitest";
import { gammaVariate, geometricSkip, randGamma, randGammaShape, randomRound } from "../../../../controller/lbsim/random/distributions.js";
import { createRandomStreams } from "../../../../controller/lbsim/random/rng.js";

function moments(draw: () => number, n: number): { mean: number; variance: number; min: number } {
  let sum = 0;
  let squares = 0;
  let min = Infinity;
  for (let index = 0; index < n; index += 1) {
    const value = draw();
    sum += value;
    squares += value * value;
    min = Math.min(min, value);
  }
  const mean = sum / n;
  return { mean, variance: squares / n - mean * mean, min };
}

describe("randGamma (the notebook's discrete gamma)", () => {
  // Exact moments of floor(Gamma(mean - 1/variance) + 1), summed from scipy's gamma CDF.
  const EXACT: readonly [number, number, number, number][] = [
    [1, 1.5, 1.1322590653, 0.2206426061],
    [2, 1.5, 1.8692595350, 1.3140243014],
    [6, 1.5, 5.8333492183, 5.4165115175],
    [100, 1.5, 99.8333333333, 99.4166666667],
    [2, 3, 2.1794480629, 1.6984173412],
    [3.5, 1.5, 3.3319096089, 2.9231970174],
  ];
  it.each(EXACT)("randGamma(%d, %d) has mean %d and variance %d (200,000 draws)", (mean, variance, exactMean, exactVariance) => {
    const rng = createRandomStreams(11).service;
    const measured = moments(() => randGamma(rng, mean, variance), 200_000);
    const meanTolerance = 5 * Math.sqrt(exactVariance / 200_000);
    expect(Math.abs(measured.mean - exactMean)).toBeLessThan(meanTolerance);
    expect(measured.variance / exactVariance).toBeGreaterThan(0.97);
    expect(measured.variance / exactVariance).toBeLessThan(1.03);
    if (mean <= 6) expect(measured.min).toBe(1);
    else expect(measured.min).toBeGreaterThanOrEqual(1);
  });

  it("passes the notebook's own asserts: round(mean) of randGamma(1) and randGamma(2), minimum 1, some above", () => {
    const rng = createRandomStreams(3).service;
    for (const mean of [1, 2]) {
      const draws = Array.from({ length: 1000 }, () => randGamma(rng, mean));
      expect(Math.round(draws.reduce((sum, value) => sum + value, 0) / draws.length)).toBe(mean);
      expect(Math.min(...draws)).toBe(1);
      expect(Math.max(...draws)).toBeGreaterThan(mean);
    }
  });

  it("uses shape mean - min / variance", () => {
    expect(randGammaShape(6)).toBeCloseTo(6 - 1 / 1.5, 12);
    expect(randGammaShape(2, 3)).toBeCloseTo(2 - 1 / 3, 12);
    expect(randGammaShape(0.5)).toBeLessThan(0);
  });
});

describe("gammaVariate", () => {
  it.each([0.3, 1, 5.3, 99.3])("Gamma(%d, 1) has mean and variance equal to its shape", (shape) => {
    const rng = createRandomStreams(5).service;
    const measured = moments(() => gammaVariate(rng, shape), 200_000);
    expect(Math.abs(measured.mean - shape)).toBeLessThan(5 * Math.sqrt(shape / 200_000));
    expect(measured.variance / shape).toBeGreaterThan(0.96);
    expect(measured.variance / shape).toBeLessThan(1.04);
  });
});

describe("randomRound and geometricSkip", () => {
  it("rounds up with probability frac(x) and keeps whole numbers", () => {
    const rng = createRandomStreams(9).picker;
    expect(randomRound(rng, 2)).toBe(2);
    const measured = moments(() => randomRound(rng, 2.25), 100_000);
    expect(measured.mean).toBeCloseTo(2.25, 2);
    expect(measured.min).toBe(2);
  });

  it("skips (1 - p) / p ticks on average; never for p = 0, none for p = 1", () => {
    const rng = createRandomStreams(9).resets;
    expect(moments(() => geometricSkip(rng, 0.002), 100_000).mean / 499).toBeCloseTo(1, 1);
    expect(geometricSkip(rng, 0)).toBe(Infinity);
    expect(geometricSkip(rng, 1)).toBe(0);
  });
});
