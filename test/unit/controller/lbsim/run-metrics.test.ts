import { describe, expect, it } from "vitest";
import { quantileOfSorted, stdevOf } from "../../../../controller/lbsim/stats/descriptive.js";
import { summarizeSamples } from "../../../../controller/lbsim/stats/run-metrics.js";

describe("run metrics on hand-made samples", () => {
  const metrics = summarizeSamples({
    latencyTicks: [10, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    utilizationPct: [50, 100, 0, 50],
    perServerStdevPct: [10, 20, 60],
  });

  it("summarizes latency as pandas does: mean, sample stdev, linear quantiles", () => {
    expect(metrics.latencyMeanTicks).toBe(5.5);
    expect(metrics.latencyStdevTicks).toBeCloseTo(Math.sqrt(82.5 / 9), 12);
    expect(metrics.latencyP50Ticks).toBe(5.5);
    expect(metrics.latencyP90Ticks).toBeCloseTo(9.1, 12);
    expect(metrics.latencyP99Ticks).toBeCloseTo(9.91, 12);
    expect(metrics.latencyP999Ticks).toBeCloseTo(9.991, 12);
  });

  it("summarizes utilization: mean, stdev, mean per-server stdev, quantiles over the mean", () => {
    expect(metrics.utilizationMeanPct).toBe(50);
    expect(metrics.utilizationStdevPct).toBeCloseTo(Math.sqrt(5000 / 3), 12);
    expect(metrics.utilizationPerServerStdevMeanPct).toBe(30);
    expect(metrics.utilizationRatioP50).toBe(1);
    expect(metrics.utilizationRatioP90).toBeCloseTo((50 + 0.7 * 50) / 50, 12);
    expect(metrics.utilizationRatioP999).toBeCloseTo((50 + 0.997 * 50) / 50, 12);
  });

  it("is NaN where nothing was measured", () => {
    const empty = summarizeSamples({ latencyTicks: [], utilizationPct: [42], perServerStdevPct: [] });
    expect(empty.latencyMeanTicks).toBeNaN();
    expect(empty.utilizationStdevPct).toBeNaN();
    expect(empty.utilizationMeanPct).toBe(42);
    expect(stdevOf([1])).toBeNaN();
    expect(quantileOfSorted([], 0.5)).toBeNaN();
  });
});
