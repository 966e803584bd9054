import { describe, expect, it } from "vitest";
import type { ReportRun, ReportTrial } from "../../../../controller/report/model.js";
import { powerAtThroughput, storedTrialPower } from "../../../../controller/report/trial-power.js";

const trial = (index: number, loadPps: number, powerW: number | undefined, warmup = false): ReportTrial => ({
  index,
  warmup,
  durationS: 1,
  loadPps,
  lossRatio: 0,
  ...(powerW !== undefined && { power: { "a/m": powerW } }),
});

describe("power at throughput", () => {
  it("averages the non-warm-up trials at the load nearest the conditional throughput and divides by it in Mpps", () => {
    const run = {
      trials: [trial(1, 4e6, 99, true), trial(2, 4e6, 50), trial(3, 2e6, 30), trial(4, 4e6, 54), trial(5, 1e6, undefined)],
      goals: [{ name: "NDR", lossRatio: 0, conditionalThroughputPps: 3.9e6, relevantLowerBoundPps: 4e6, relevantUpperBoundPps: 5e6, regular: true }],
      soaks: [],
    } as unknown as ReportRun;
    expect(powerAtThroughput(run)).toEqual([{ result: "NDR", throughputPps: 3.9e6, device: "a/m", trialLoadPps: 4e6, trialCount: 2, meanPowerW: 52, wattsPerMpps: 52 / 3.9 }]);
  });

  it("reads stored power, leaving out devices without a reading", () => {
    expect(storedTrialPower({ "a/m": { meanPowerW: 41.5, samples: 9 }, "b/n": { meanPowerW: null, samples: 0 } })).toEqual({ "a/m": 41.5 });
    expect(storedTrialPower(null)).toBeUndefined();
  });
});
