import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../../common/clock.js";
import { makeTrialResult } from "../../../../../controller/search/measurer.js";
import { LoadSchedule } from "../../../../../controller/search/plr/load-schedule.js";
import { runPlrSearch } from "../../../../../controller/search/plr/search.js";
import { referenceDevice, referenceEstimates } from "./fakes.js";
import { csit, expectClose } from "./reference.js";

const config = { minLoadPps: 1000, maxLoadPps: 2000, packetLossRatioTarget: 0.01 };
const trial = (loadPps: number, lostCount: number) => makeTrialResult({ durationS: 1, loadPps, offeredCount: 1000, lostCount });

describe("LoadSchedule", () => {
  it("goes to the middle, then max, then twice the forwarding rate over (1 - target), then the estimates", () => {
    const schedule = new LoadSchedule(config);
    expect(schedule.firstLoadPps).toBe(1500);
    schedule.record(trial(1500, 0));
    expect(schedule.next(1, trial(1500, 0), 1, 1)).toBe(2000);
    schedule.record(trial(2000, 300));
    expect(schedule.next(2, trial(2000, 300), 1, 1)).toBeCloseTo((2000 * 0.7) / 0.99, 9);
    schedule.record(trial(1414, 100));
    expect(schedule.next(3, trial(1414, 100), 1, 1)).toBeCloseTo((1414 * 0.9) / 0.99, 9);
    schedule.record(trial(1285, 20));
    expect(schedule.next(4, trial(1285, 20), 1200, 1300)).toBe(1250);
  });

  it("adds 4 * zeros copies of a lossy load and pulls the estimate towards the lowest one after clean trials", () => {
    const schedule = new LoadSchedule(config);
    expect(schedule.record(trial(1800, 10))).toBe(true); // zeros was 1: 4 copies
    expect(schedule.lossyLoads).toEqual([1800, 1800, 1800, 1800, 2000]);
    expect(schedule.record(trial(1500, 9))).toBe(false); // 9 < 1000 * 0.01: zeros = 1
    // Estimate 1200 < lowest lossy 1800, zeros 1: (1800 + 1 * 1200) / 2; then the three lowest go.
    expect(schedule.next(5, trial(1500, 9), 1100, 1300)).toBe(1500);
    expect(schedule.lossyLoads).toEqual([1800, 2000]);
    expect(schedule.record(trial(1500, 0))).toBe(false); // zeros = 2: diminisher 1/2
    expect(schedule.next(6, trial(1500, 0), 1200, 1200)).toBe((1800 + 0.5 * 1200) / 1.5);
    expect(schedule.lossyLoads).toEqual([1800, 2000]);
    expect(schedule.record(trial(1600, 11))).toBe(true); // zeros was 3: 12 copies
    expect(schedule.lossyLoads.filter((load) => load === 1600)).toHaveLength(12);
    expect(schedule.next(7, trial(1600, 11), 1900, 1950)).toBe(1925);
  });

  it("clips to [min, max]", () => {
    const schedule = new LoadSchedule(config);
    expect(schedule.next(9, trial(1500, 0), 100, 200)).toBe(1000);
    expect(schedule.next(9, trial(1500, 0), 5000, 6000)).toBe(2000);
  });
});

describe("PLRsearch schedule against CSIT", () => {
  it("asks for CSIT's loads and durations, stops at the same trial and returns CSIT's estimate", async () => {
    const { capacityPps, timeoutS, trials, avgPps, stdevPps } = csit.schedule;
    const clock = new VirtualClock();
    const measurer = referenceDevice(capacityPps, clock);
    const integrator = referenceEstimates(capacityPps);
    const result = await runPlrSearch({ measurer, clock, integrator, options: { minLoadPps: csit.minLoadPps, maxLoadPps: csit.maxLoadPps, timeoutS } });
    expect(measurer.requests).toHaveLength(trials.length);
    measurer.requests.forEach((request, index) => {
      const expected = trials[index];
      if (expected === undefined) throw new Error(`no reference trial ${index + 1}`);
      expectClose(request.loadPps, expected.loadPps, 1e-12);
      expectClose(request.durationS, expected.durationS, 1e-15);
      expect(result.trials[index]?.result.lostCount).toBe(expected.lostCount);
    });
    expect(result.trialCount).toBe(trials.length);
    expect(result.stoppedBy).toBe("timeout");
    expectClose(result.avgPps, avgPps, 1e-13);
    expectClose(result.stdevPps, stdevPps, 1e-10);
    expect(integrator.stops).toBe(2 * trials.length);
  });
});
