import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../../common/clock.js";
import { createDevice } from "../../../../../common/devices/create.js";
import { lfitStretch } from "../../../../../common/devices/fitting.js";
import { TestbenchError, ValidationError } from "../../../../../common/errors.js";
import { createSimulatedMeasurer } from "../../../../../controller/measurers/simulated.js";
import type { Measurer } from "../../../../../controller/search/measurer.js";
import { findCriticalLoadByBisection } from "../../../../../controller/search/plr/critical-load-bisection.js";
import { createDeterministicIntegrator } from "../../../../../controller/search/plr/deterministic-integrator.js";
import type { Integrator } from "../../../../../controller/search/plr/integrator.js";
import type { PlrTrialRecord } from "../../../../../controller/search/plr/result.js";
import { runPlrSearch } from "../../../../../controller/search/plr/search.js";
import { formulaIntegrator } from "./fakes.js";

const stretchSpec = { kind: "stretch", mrrPps: 1e7, spreadPps: 1e5, seed: 1 } as const;

function simulated(overheadS = 0) {
  const clock = new VirtualClock();
  return { clock, measurer: createSimulatedMeasurer({ device: createDevice(stretchSpec), clock, overheadS }) };
}

const constant = () => formulaIntegrator((job) => Math.log(job.fitting === "stretch" ? 8e6 : 9e6), () => 1e-4);

describe("runPlrSearch", () => {
  it("estimates a stretch device's critical load within 2 stdev after 30 deterministic trials, the same on every run", async () => {
    const truthPps = findCriticalLoadByBisection(lfitStretch, 1, 1.488e7, 1e-7, 1e7, 1e5);
    const run = async () => {
      const { clock, measurer } = simulated();
      const options = { maxLoadPps: 1.488e7, maxTrials: 30, samplesPerTrial: 800 };
      return runPlrSearch({ measurer, clock, options, integrator: createDeterministicIntegrator() });
    };
    const result = await run();
    expect(result.trialCount).toBe(30);
    expect(result.stoppedBy).toBe("maxTrials");
    expect(Math.abs(result.avgPps - truthPps)).toBeLessThan(2 * result.stdevPps);
    expect(Math.abs(result.avgPps - truthPps) / truthPps).toBeLessThan(0.01);
    expect(result.stdevPps / result.avgPps).toBeLessThan(0.01);
    expect((await run()).avgPps).toBe(result.avgPps);
  });

  it("pipelines: the computation during trial n weighs trials 1..n-1 and continues the previous focus", async () => {
    const { clock, measurer } = simulated();
    const integrator = constant();
    await runPlrSearch({ measurer, clock, integrator, options: { maxLoadPps: 1.488e7, maxTrials: 4, samplesPerTrial: 7 } });
    expect(integrator.jobs.map((job) => `${job.fitting}:${job.trials.count}`)).toEqual([
      "stretch:0", "erf:0", "stretch:1", "erf:1", "stretch:2", "erf:2", "stretch:3", "erf:3",
    ]);
    expect(integrator.jobs[0]?.focus).toBeNull();
    expect(integrator.jobs[2]?.focus).not.toBeNull();
    expect(integrator.jobs.every((job) => job.minSamples === 7 && job.maxSamples === 7 && job.seed === 0 && job.scaleCoefficient === 5)).toBe(true);
  });

  it("stops once the clock passes the timeout (checked after each trial) and reports every trial", async () => {
    const { clock, measurer } = simulated(0.5);
    const records: PlrTrialRecord[] = [];
    const integrator = constant();
    const result = await runPlrSearch({ measurer, clock, integrator, options: { maxLoadPps: 1.488e7, timeoutS: 22 }, onTrial: (record) => records.push(record) });
    // 5.6 + 5.7 + 5.8 = 17.1 < 22 <= 23.0 with the 0.5 s overheads.
    expect(result.trialCount).toBe(4);
    expect(result.stoppedBy).toBe("timeout");
    expect(records.map((record) => record.durationS)).toEqual([5.1, 5.2, 5.3, 5.4].map((s) => 0.1 * Math.round(s * 10)));
    expect(records.map((record) => record.elapsedS)).toEqual([5.6, 11.3, 17.1, 23.0].map((s) => expect.closeTo(s, 12)));
    expect(records.map((record) => record.trialNumber)).toEqual([1, 2, 3, 4]);
    expect(records[0]?.loadPps).toBe((9001 + 1.488e7) / 2);
    expect(records[1]?.loadPps).toBe(1.488e7);
    expect(result.trialSecondsSum).toBeCloseTo(21, 12);
    expect(result.effectiveSecondsSum).toBeCloseTo(23, 12);
    expect(result.trials).toEqual(records);
    expect(result.avgPps).toBe(records[3]?.estimate.avgPps);
    expect(integrator.jobs.every((job) => job.minSamples === 10 && job.maxSamples === Infinity)).toBe(true);
    expect(result.samplesPerSecond).toBeNull();
  });

  it("reports samples per second from a timed integrator", async () => {
    let nowS = 0;
    const timing = { monotonicS: () => (nowS += 0.25), wallMs: () => 0, sleep: async () => undefined };
    const { clock, measurer } = simulated();
    const result = await runPlrSearch({
      measurer,
      clock,
      integrator: createDeterministicIntegrator({ clock: timing }),
      options: { maxLoadPps: 1.488e7, maxTrials: 2, samplesPerTrial: 50 },
    });
    expect(result.samplesPerSecond).toBe(200);
  });

  it("validates its options before measuring", async () => {
    const { clock, measurer } = simulated();
    const integrator = constant();
    await expect(runPlrSearch({ measurer, clock, integrator, options: { minLoadPps: 2e7, maxLoadPps: 1e7 } })).rejects.toBeInstanceOf(ValidationError);
    await expect(runPlrSearch({ measurer, clock, integrator, options: { maxLoadPps: 1e7, packetLossRatioTarget: 1.5 } })).rejects.toThrow(
      "PLRsearch option packetLossRatioTarget must be a number in the open interval (0, 1), got 1.5",
    );
    expect(integrator.jobs).toHaveLength(0);
  });

  it("stops both computations and rejects with the signal's reason when aborted during a trial", async () => {
    const controller = new AbortController();
    const clock = new VirtualClock();
    let trials = 0;
    const measurer: Measurer = {
      async measure(request, signal) {
        trials += 1;
        if (trials === 3) controller.abort(new Error("operator pressed Ctrl-C"));
        signal?.throwIfAborted();
        return createSimulatedMeasurer({ device: createDevice(stretchSpec) }).measure(request);
      },
    };
    const integrator = constant();
    await expect(runPlrSearch({ measurer, clock, integrator, signal: controller.signal, options: { maxLoadPps: 1.488e7 } })).rejects.toThrow(
      "operator pressed Ctrl-C",
    );
    expect(integrator.jobs).toHaveLength(6);
    expect(integrator.stops).toBe(6);
  });

  it("stops both computations when the measurer fails, and passes its error on", async () => {
    const clock = new VirtualClock();
    const failure = new TestbenchError("AGENT_LOST", "agent trex-1 went away");
    const measurer: Measurer = { measure: async () => Promise.reject(failure) };
    const integrator = constant();
    await expect(runPlrSearch({ measurer, clock, integrator, options: { maxLoadPps: 1.488e7 } })).rejects.toBe(failure);
    expect(integrator.stops).toBe(2);
  });

  it("fails with the integrator's error once both computations have settled", async () => {
    const { clock, measurer } = simulated();
    const failure = new TestbenchError("PLR_INTEGRATOR_FAILED", "worker for erf failed");
    let settled = 0;
    const integrator: Integrator = {
      start: (job) => ({
        stop: async () => {
          if (job.fitting === "erf") {
            settled += 1;
            throw failure;
          }
          await new Promise((resolve) => setImmediate(resolve));
          settled += 1;
          return constant().start(job).stop();
        },
      }),
    };
    await expect(runPlrSearch({ measurer, clock, integrator, options: { maxLoadPps: 1.488e7 } })).rejects.toBe(failure);
    expect(settled).toBe(2);
  });

  it("fails before measuring when the integrator refuses a computation, stopping the one already started", async () => {
    const { clock, measurer } = simulated();
    const refusal = new TestbenchError("PLR_INTEGRATOR_CLOSED", "closed");
    const inner = constant();
    const integrator: Integrator = {
      start: (job) => {
        if (job.fitting === "erf") throw refusal;
        return inner.start(job);
      },
    };
    const measured: unknown[] = [];
    const counting: Measurer = { measure: (request, signal) => (measured.push(request), measurer.measure(request, signal)) };
    await expect(runPlrSearch({ measurer: counting, clock, integrator, options: { maxLoadPps: 1.488e7 } })).rejects.toBe(refusal);
    expect(measured).toHaveLength(0);
    expect(inner.stops).toBe(1);
  });
});
