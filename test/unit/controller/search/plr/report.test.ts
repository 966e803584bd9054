import { describe, expect, it } from "vitest";
import { makeTrialResult } from "../../../../../controller/search/measurer.js";
import { combineEstimates } from "../../../../../controller/search/plr/combine.js";
import { formatPlrTrialLine, plrResultJson } from "../../../../../controller/search/plr/report.js";
import type { PlrResult, PlrTrialRecord } from "../../../../../controller/search/plr/result.js";

const estimate = combineEstimates({ logAverage: Math.log(9.8e6), pessimisticVariance: 1e-6 }, { logAverage: Math.log(9.8e6), pessimisticVariance: 1e-6 });
const result = makeTrialResult({ durationS: 5.7, loadPps: 9876543.21, offeredCount: 56296296, lostCount: 7 });
const record: PlrTrialRecord = {
  trialNumber: 7,
  durationS: 0.1 * 57,
  loadPps: 9876543.21,
  result,
  lossRatio: 7 / 56296296,
  plrLossCount: 7,
  lossy: true,
  estimate,
  samples: { stretch: 1200, erf: 900 },
  elapsedS: 37.8,
};

describe("PLRsearch report", () => {
  it("prints one line per trial", () => {
    expect(formatPlrTrialLine(record)).toBe("trial 7 (5.7 s): load 9,876,543 pps, loss 1.24e-7 (lossy); avg 9,800,005 pps, stdev 9,800 pps");
    expect(formatPlrTrialLine({ ...record, lossRatio: 0, lossy: false })).toContain("loss 0; avg");
  });

  it("gives the documented --json object", () => {
    const plr: PlrResult = {
      ...estimate,
      trials: [record],
      trialCount: 1,
      trialSecondsSum: 5.7,
      effectiveSecondsSum: 6.2,
      samplesPerSecond: 81234.5,
      stoppedBy: "maxTrials",
    };
    const json = plrResultJson(plr);
    expect(Object.keys(json)).toEqual(["avgPps", "stdevPps", "lowerPps", "upperPps", "trials", "trialSecondsSum", "samplesPerSecond"]);
    expect(json).toEqual({
      avgPps: estimate.avgPps,
      stdevPps: estimate.stdevPps,
      lowerPps: estimate.lowerPps,
      upperPps: estimate.upperPps,
      trials: 1,
      trialSecondsSum: 5.7,
      samplesPerSecond: 81234.5,
    });
  });
});
