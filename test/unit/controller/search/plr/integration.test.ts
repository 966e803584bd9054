import { describe, expect, it } from "vitest";
import type { Clock } from "../../../../../common/clock.js";
import { createDevice } from "../../../../../common/devices/create.js";
import { makeTrialResult } from "../../../../../controller/search/measurer.js";
import { findCriticalLoadByBisection } from "../../../../../controller/search/plr/critical-load-bisection.js";
import { createDeterministicIntegrator, fixedSampleCount } from "../../../../../controller/search/plr/deterministic-integrator.js";
import { runIntegration } from "../../../../../controller/search/plr/integration.js";
import type { IntegrationJob } from "../../../../../controller/search/plr/integrator.js";
import { buildTrialTable } from "../../../../../controller/search/plr/trial-table.js";

/** Ten trials of a stretch device (mrr 1e7, spread 1e5) around its critical load. */
function stretchTrials() {
  const device = createDevice({ kind: "stretch", mrrPps: 1e7, spreadPps: 1e5, seed: 3 });
  const loads = [7.4e6, 1.488e7, 9.9e6, 9.3e6, 8.9e6, 8.8e6, 8.85e6, 8.83e6, 8.86e6, 8.84e6];
  return buildTrialTable(
    loads.map((loadPps, index) => {
      const durationS = 0.1 * (51 + index);
      return makeTrialResult({ durationS, loadPps, ...device.trial(loadPps, durationS) });
    }),
  );
}

const baseJob: IntegrationJob = {
  fitting: "stretch",
  trials: stretchTrials(),
  minLoadPps: 9001,
  maxLoadPps: 1.488e7,
  lossRatioTarget: 1e-7,
  focus: null,
  seed: 0,
  scaleCoefficient: 5,
  minSamples: 300,
  maxSamples: 300,
};

describe("runIntegration", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const first = runIntegration(baseJob);
    expect(runIntegration(baseJob)).toEqual(first);
    expect(runIntegration({ ...baseJob, seed: 1 }).logAverage).not.toBe(first.logAverage);
    expect(first.samples).toBe(300);
    expect(first.busyS).toBeNull();
  });

  it("concentrates near the critical load the trials imply, with a sensible spread", () => {
    const estimate = runIntegration({ ...baseJob, minSamples: 3000, maxSamples: 3000 });
    // Truth: exp(lfit)/load = 1e-7 for the device's own parameters, about 8.837e6 pps.
    expect(Math.exp(estimate.logAverage)).toBeGreaterThan(8.5e6);
    expect(Math.exp(estimate.logAverage)).toBeLessThan(9.2e6);
    expect(Math.sqrt(estimate.pessimisticVariance)).toBeLessThan(0.05);
    expect(estimate.focus.logSumWeight).toBeGreaterThan(-Infinity);
  });

  it("gives the same estimate with CSIT's bisection as with Brent's method", () => {
    const brent = runIntegration(baseJob);
    const bisection = runIntegration(baseJob, undefined, findCriticalLoadByBisection);
    expect(bisection.samples).toBe(brent.samples);
    expect(Math.abs(bisection.logAverage - brent.logAverage)).toBeLessThan(1e-12);
    expect(bisection.focus).toEqual(brent.focus);
  });

  it("asks shouldStop before every sample and honours it only after minSamples", () => {
    const asked: number[] = [];
    const estimate = runIntegration({ ...baseJob, minSamples: 3, maxSamples: Infinity }, {
      shouldStop: (samples) => {
        asked.push(samples);
        return true;
      },
    });
    expect(estimate.samples).toBe(3);
    expect(asked).toEqual([0, 1, 2, 3]);
    let stopAt = 0;
    const later = runIntegration({ ...baseJob, minSamples: 1, maxSamples: Infinity }, { shouldStop: (samples) => (stopAt = samples) >= 25 });
    expect(later.samples).toBe(25);
    expect(stopAt).toBe(25);
  });

  it("continues from a previous focus (so a later computation starts where the last one ended)", () => {
    const first = runIntegration(baseJob);
    const continued = runIntegration({ ...baseJob, focus: first.focus });
    expect(continued.logAverage).not.toBe(first.logAverage);
    expect(Math.abs(continued.logAverage - first.logAverage)).toBeLessThan(0.05);
  });

  it("refuses a job that could take no samples", () => {
    expect(() => runIntegration({ ...baseJob, minSamples: 0, maxSamples: 0 })).toThrow(RangeError);
    expect(() => runIntegration({ ...baseJob, minSamples: 5, maxSamples: 4 })).toThrow(RangeError);
  });
});

describe("deterministic integrator", () => {
  it("takes the job's cap when finite, else its own count (at least the job's minimum)", () => {
    expect(fixedSampleCount({ ...baseJob, minSamples: 10, maxSamples: 50 }, 1000)).toBe(50);
    expect(fixedSampleCount({ ...baseJob, minSamples: 10, maxSamples: Infinity }, 1000)).toBe(1000);
    expect(fixedSampleCount({ ...baseJob, minSamples: 2000, maxSamples: Infinity }, 1000)).toBe(2000);
  });

  it("computes exactly runIntegration's estimate, once per handle, timed on the given clock", async () => {
    let nowS = 0;
    const clock: Clock = { monotonicS: () => (nowS += 0.5), wallMs: () => 0, sleep: async () => undefined };
    const handle = createDeterministicIntegrator({ clock }).start({ ...baseJob, maxSamples: Infinity, minSamples: 10 });
    const estimate = await handle.stop();
    expect(handle.stop()).toBe(handle.stop());
    expect(estimate).toEqual({ ...runIntegration({ ...baseJob, minSamples: 1000, maxSamples: 1000 }), busyS: 0.5 });
    expect((await createDeterministicIntegrator().start(baseJob).stop()).busyS).toBeNull();
  });

  it("rejects a bad sample count and reports computation failures through stop()", async () => {
    expect(() => createDeterministicIntegrator({ samplesPerComputation: 0 })).toThrow(/samplesPerComputation must be an integer >= 1, got 0/);
    const handle = createDeterministicIntegrator().start({ ...baseJob, minSamples: 0, maxSamples: 0 });
    await expect(handle.stop()).rejects.toThrow(RangeError);
  });
});
