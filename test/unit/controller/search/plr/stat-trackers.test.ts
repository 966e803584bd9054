import { describe, expect, it } from "vitest";
import { isTestbenchError } from "../../../../../common/errors.js";
import { DualStatTracker, pessimisticVariance } from "../../../../../controller/search/plr/dual-stat-tracker.js";
import { FocusTracker, UNIT_FOCUS } from "../../../../../controller/search/plr/focus-tracker.js";
import { ScalarStatTracker } from "../../../../../controller/search/plr/scalar-stat-tracker.js";
import { csit, expectClose } from "./reference.js";

describe("scalar stat tracker", () => {
  it("keeps the weighted mean and variance (hand-computed)", () => {
    const tracker = new ScalarStatTracker().add(1, Math.log(1)).add(4, Math.log(2)).add(10, Math.log(1));
    // weights 1, 2, 1: mean (1 + 8 + 10) / 4 = 4.75; variance (3.75^2 + 2 * 0.75^2 + 5.25^2) / 4 = 10.6875
    expectClose(tracker.average, 4.75, 1e-15);
    expectClose(Math.exp(tracker.logVariance), 10.6875, 1e-14);
    expectClose(tracker.logSumWeight, Math.log(4), 1e-15);
  });

  it("starts empty and takes the first sample as the mean", () => {
    const tracker = new ScalarStatTracker();
    expect(tracker.snapshot()).toEqual({ logSumWeight: -Infinity, average: 0, logVariance: -Infinity });
    tracker.add(3, -700);
    expect(tracker.snapshot()).toEqual({ logSumWeight: -700, average: 3, logVariance: -Infinity });
  });
});

describe("dual stat tracker", () => {
  it("matches CSIT's ScalarDualStatTracker after 60 weighted samples", () => {
    const tracker = new DualStatTracker();
    for (const [value, logWeight] of csit.dualTracker.samples) tracker.add(value, logWeight);
    const expected = csit.dualTracker.state;
    const stats = tracker.snapshot();
    expectClose(stats.primary.average, expected.average, 1e-14);
    expectClose(stats.primary.logVariance, expected.logVariance, 1e-12);
    expectClose(stats.primary.logSumWeight, expected.logSumWeight, 1e-14);
    expectClose(stats.secondary.average, expected.secondary.average, 1e-14);
    expectClose(stats.secondary.logVariance, expected.secondary.logVariance, 1e-12);
    expectClose(stats.secondary.logSumWeight, expected.secondary.logSumWeight, 1e-14);
    expect(stats.maxLogWeight).toBe(expected.maxLogWeight);
    expectClose(pessimisticVariance(stats), expected.pessimisticVariance, 1e-12);
  });

  it("leaves the heaviest sample (the later one on a tie) out of the secondary stats", () => {
    const tracker = new DualStatTracker().add(1, 0).add(2, 5).add(3, 5).add(4, 1);
    expectClose(tracker.secondary.average, (1 + 2 * Math.exp(5) + 4 * Math.exp(1)) / (1 + Math.exp(5) + Math.exp(1)), 1e-14);
    expect(tracker.maxLogWeight).toBe(5);
  });
});

describe("focus tracker", () => {
  it("matches CSIT's VectorStatTracker distances and state, including a continued focus", () => {
    const { samples, continueAt, distances, state } = csit.focusTracker;
    let tracker = new FocusTracker(UNIT_FOCUS);
    samples.forEach(([x0, x1, logWeight], index) => {
      if (index === continueAt) tracker = FocusTracker.continuing(tracker.snapshot());
      expectClose(tracker.addWithoutDominance(x0, x1, logWeight), distances[index] as number, 1e-11);
    });
    expectClose(tracker.logSumWeight, state.logSumWeight, 1e-14);
    expectClose(tracker.mean0, state.mean[0], 1e-13);
    expectClose(tracker.mean1, state.mean[1], 1e-13);
    expectClose(tracker.cov00, state.cov[0][0], 1e-12);
    expectClose(tracker.cov01, state.cov[0][1], 1e-12);
    expectClose(tracker.cov11, state.cov[1][1], 1e-12);
  });

  it("caps a dominating weight: both become their mean", () => {
    const tracker = new FocusTracker({ ...UNIT_FOCUS, logSumWeight: 0 });
    tracker.addWithoutDominance(0.5, 0, 10);
    expect(tracker.logSumWeight).toBeCloseTo(5 + Math.log(2), 14);
    expect(tracker.mean0).toBeCloseTo(0.25, 15);
  });

  it("starts a first computation at the unit focus and a later one from the previous shape with no weight", () => {
    expect(FocusTracker.continuing(null).snapshot()).toEqual(UNIT_FOCUS);
    const previous = { logSumWeight: 3, mean0: 0.1, mean1: -0.2, cov00: 0.01, cov01: 0.001, cov11: 0.02 };
    expect(FocusTracker.continuing(previous).snapshot()).toEqual({ ...previous, logSumWeight: -Infinity });
  });

  it("reports a singular covariance", () => {
    const tracker = new FocusTracker({ logSumWeight: 0, mean0: 0, mean1: 0, cov00: 1, cov01: 1, cov11: 1 });
    try {
      tracker.addWithoutDominance(0.1, 0.1, 0);
      expect.unreachable();
    } catch (error) {
      expect(isTestbenchError(error) && error.code).toBe("PLR_INTEGRATION_NUMERIC");
    }
  });
});
