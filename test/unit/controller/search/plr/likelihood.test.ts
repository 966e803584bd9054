import { describe, expect, it } from "vitest";
import { lfitStretch } from "../../../../../common/devices/fitting.js";
import { makeTrialResult } from "../../../../../controller/search/measurer.js";
import { fittingFunction } from "../../../../../controller/search/plr/fitting.js";
import { logLikelihood } from "../../../../../controller/search/plr/likelihood.js";
import { buildTrialTable, plrLossCount } from "../../../../../controller/search/plr/trial-table.js";
import { csit, expectClose, trialResultOf } from "./reference.js";

describe("trial table", () => {
  it("uses CSIT's PLR loss count", () => {
    for (const trial of csit.trials) expect(plrLossCount(trialResultOf(trial))).toBe(trial.plrLossCount);
    const count = (intendedCount: number, offeredCount: number, lostCount: number) =>
      plrLossCount(makeTrialResult({ durationS: 1, loadPps: 10, intendedCount, offeredCount, lostCount }));
    expect(count(20, 20, 7)).toBe(7);
    expect(count(10, 10, 0)).toBe(0);
    // Unsent packets count as lost: 4 of 100 never sent.
    expect(count(100, 96, 0)).toBe(4);
    // More sent than intended: (1 + 20) / 120 of 100 intended is 17.5, +0.9 -> 18.
    expect(count(100, 120, 1)).toBe(18);
    // 901 / 1001 of 100 is 90.0099..., whose fraction is below 0.1: 90.
    expect(count(100, 1001, 0)).toBe(90);
    // Never above the intended count.
    expect(count(100, 100, 100)).toBe(100);
  });

  it("packs loads, log(offered / load) and loss counts, leaving out trials that offered nothing", () => {
    const results = [
      makeTrialResult({ durationS: 2, loadPps: 1000, offeredCount: 2000, lostCount: 3 }),
      makeTrialResult({ durationS: 2, loadPps: 1000, intendedCount: 2000, offeredCount: 0, lostCount: 0 }),
      makeTrialResult({ durationS: 4, loadPps: 500, offeredCount: 1000, lostCount: 0 }),
    ];
    const table = buildTrialTable(results);
    expect(table.count).toBe(2);
    expect([...table.loadPps]).toEqual([1000, 500]);
    expect([...table.logOfferedPerLoad]).toEqual([Math.log(2), Math.log(2)]);
    expect([...table.lossCount]).toEqual([3, 0]);
  });
});

describe("log-likelihood (geometric)", () => {
  const table = buildTrialTable(csit.trials.map(trialResultOf));
  const lossCountSum = table.lossCount.reduce((sum, count) => sum + count, 0);

  it("matches CSIT's log_weight at every reference point", () => {
    expect(csit.logWeights.length).toBe(60);
    for (const row of csit.logWeights) {
      // CSIT takes log(1 + exp(d)), this log1p(exp(d)): up to one rounding (2^-53) apart, times the loss count.
      const actual = logLikelihood(fittingFunction(row.fitting), table, row.mrr, row.spread);
      expect(Math.abs(actual - row.logWeight)).toBeLessThanOrEqual(lossCountSum * 2 ** -53 + 1e-12 * Math.abs(row.logWeight));
    }
  });

  it("is the geometric log-probability, computed by hand for one trial", () => {
    const one = buildTrialTable([makeTrialResult({ durationS: 2, loadPps: 1e6, offeredCount: 2e6, lostCount: 3 })]);
    const lambda = (Math.exp(lfitStretch(1e6, 1.1e6, 2e4)) * 2e6) / 1e6;
    const expected = 3 * Math.log(lambda / (1 + lambda)) - Math.log(1 + lambda);
    expectClose(logLikelihood(lfitStretch, one, 1.1e6, 2e4), expected, 1e-12);
  });

  it("is 0 for no trials", () => {
    expect(logLikelihood(lfitStretch, buildTrialTable([]), 1e6, 1e3)).toBe(0);
  });
});
