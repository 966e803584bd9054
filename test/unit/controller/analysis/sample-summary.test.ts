import { describe, expect, it } from "vitest";
import { mean, meanConfidenceInterval, sampleStdev, summarize } from "../../../../controller/analysis/index.js";

describe("summarize", () => {
  it("gives n, mean, sample stdev, the Student t 95% interval, min and max", () => {
    const summary = summarize([1, 2, 3, 4, 5]);
    const stdev = Math.sqrt(2.5);
    const halfWidth = (2.776445105197793 * stdev) / Math.sqrt(5);
    expect(summary.n).toBe(5);
    expect(summary.mean).toBe(3);
    expect(summary.stdev).toBeCloseTo(stdev, 14);
    expect(summary.interval?.confidence).toBe(0.95);
    expect(summary.interval?.halfWidth).toBeCloseTo(halfWidth, 10);
    expect(summary.interval?.low).toBeCloseTo(3 - halfWidth, 10);
    expect(summary.interval?.high).toBeCloseTo(3 + halfWidth, 10);
    expect([summary.min, summary.max]).toEqual([1, 5]);
  });

  it("uses t(0.975, 1) = 12.706 for two replications, far wider than the normal 1.96", () => {
    const interval = meanConfidenceInterval([9_900_000, 9_910_000]);
    const stdev = Math.sqrt(((5000 ** 2) * 2) / 1);
    expect(interval.halfWidth).toBeCloseTo((12.706204736174707 * stdev) / Math.sqrt(2), 4);
    expect(interval.low).toBeLessThan(9_900_000 - 40_000);
  });

  it("keeps precision for values far from zero", () => {
    expect(sampleStdev([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBeCloseTo(1, 9);
  });

  it("has no spread and no interval for one value, and nothing for none", () => {
    expect(summarize([7])).toEqual({ n: 1, mean: 7, stdev: null, interval: null, min: 7, max: 7 });
    expect(summarize([])).toEqual({ n: 0, mean: null, stdev: null, interval: null, min: null, max: null });
    expect(summarize([4, 4, 4]).interval).toEqual({ confidence: 0.95, low: 4, high: 4, halfWidth: 0 });
  });

  it("uses the confidence it is given", () => {
    const at90 = summarize([1, 2, 3, 4, 5], 0.9).interval;
    expect(at90?.halfWidth).toBeCloseTo((2.131846786326649 * Math.sqrt(2.5)) / Math.sqrt(5), 10);
  });

  it("refuses non-finite values and bad confidences", () => {
    expect(() => summarize([1, Number.NaN])).toThrow(/finite numbers, got NaN/);
    expect(() => mean([])).toThrow(RangeError);
    expect(() => sampleStdev([1])).toThrow(/at least 2 values, got 1/);
    expect(() => meanConfidenceInterval([1, 2], 1)).toThrow(/confidence must be in \(0, 1\)/);
  });
});
