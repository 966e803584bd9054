import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../../common/clock.js";
import { createDevice } from "../../../../../common/devices/create.js";
import type { DeviceSpec } from "../../../../../common/devices/spec.js";
import { TestbenchError } from "../../../../../common/errors.js";
import { createSimulatedMeasurer } from "../../../../../controller/measurers/simulated.js";
import type { Measurer, TrialRequest } from "../../../../../controller/search/measurer.js";
import type { Rfc2544Options } from "../../../../../controller/search/rfc2544/options.js";
import { runRfc2544Search } from "../../../../../controller/search/rfc2544/search.js";

function bench(device: DeviceSpec, overheadS = 0) {
  const clock = new VirtualClock();
  const requests: TrialRequest[] = [];
  const inner = createSimulatedMeasurer({ device: createDevice(device), overheadS, clock });
  const measurer: Measurer = {
    measure(request, signal) {
      requests.push(request);
      return inner.measure(request, signal);
    },
  };
  return { clock, requests, measurer };
}

async function rejectionOf(promise: Promise<unknown>): Promise<TestbenchError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TestbenchError);
  return error as TestbenchError;
}

const hard10M: DeviceSpec = { kind: "hard", mrrPps: 1e7, noise: 0 };

describe("runRfc2544Search", () => {
  it.each([0.005, 0.001, 0.02])("finds the throughput of a noiseless hard device within resolution %s", async (relativeResolution) => {
    const { clock, measurer, requests } = bench(hard10M);
    const options: Rfc2544Options = { maxLoadPps: 1.488e7, trialDurationS: 1, relativeResolution };
    const result = await runRfc2544Search({ measurer, clock, options });
    expect(result.lowerBoundPps).toBeLessThanOrEqual(1e7);
    expect(result.upperBoundPps).not.toBeNull();
    const upper = result.upperBoundPps ?? NaN;
    expect(upper).toBeGreaterThan(1e7);
    expect((upper - result.lowerBoundPps) / upper).toBeLessThanOrEqual(relativeResolution);
    expect((1e7 - result.throughputPps) / 1e7).toBeLessThanOrEqual(relativeResolution);
    expect(result.throughputPps).toBe(result.lowerBoundPps);
    // Max first, then halving: max load fails, its midpoint with min load is the second trial.
    expect(requests[0]).toEqual({ durationS: 1, loadPps: 1.488e7 });
    expect(requests[1]?.loadPps).toBe((9001 + 1.488e7) / 2);
    // Min load was never needed: a load passed before the interval closed.
    expect(requests.some((request) => request.loadPps === 9001)).toBe(false);
    expect(result.trials.map((trial) => trial.loadPps)).toEqual(requests.map((request) => request.loadPps));
  });

  it("reports the sums of intended and effective trial seconds", async () => {
    const { clock, measurer } = bench(hard10M, 0.5);
    const result = await runRfc2544Search({ measurer, clock, options: { maxLoadPps: 1.488e7, trialDurationS: 2 } });
    expect(result.trialSecondsSum).toBe(2 * result.trials.length);
    expect(result.effectiveSecondsSum).toBe(2.5 * result.trials.length);
    expect(clock.monotonicS()).toBe(result.effectiveSecondsSum);
    expect(Object.isFrozen(result.trials)).toBe(true);
  });

  it("uses the loss-ratio goal: a lossy goal lifts the throughput above mrr", async () => {
    const { clock, measurer } = bench(hard10M);
    const result = await runRfc2544Search({ measurer, clock, options: { maxLoadPps: 1.488e7, trialDurationS: 1, lossRatio: 0.1 } });
    // Loss ratio at load L is 1 - mrr / L: passes up to mrr / 0.9.
    expect(result.throughputPps).toBeGreaterThan(1e7);
    expect(result.throughputPps).toBeLessThanOrEqual(1e7 / 0.9);
    expect((1e7 / 0.9 - result.throughputPps) / (1e7 / 0.9)).toBeLessThanOrEqual(0.005);
  });

  it("returns max load without an upper bound when max load passes (irregular)", async () => {
    const { clock, measurer, requests } = bench({ kind: "hard", mrrPps: 2e7, noise: 0 });
    const result = await runRfc2544Search({ measurer, clock, options: { maxLoadPps: 1.488e7 } });
    expect(result).toMatchObject({ throughputPps: 1.488e7, lowerBoundPps: 1.488e7, upperBoundPps: null, trialSecondsSum: 60 });
    expect(requests).toEqual([{ durationS: 60, loadPps: 1.488e7 }]);
  });

  it("fails with SEARCH_NO_LOWER_BOUND naming the min load when even it loses packets", async () => {
    const { clock, measurer, requests } = bench({ kind: "hard", mrrPps: 5000, noise: 0 });
    const error = await rejectionOf(runRfc2544Search({ measurer, clock, options: { maxLoadPps: 1.488e7, trialDurationS: 1 } }));
    expect(error.code).toBe("SEARCH_NO_LOWER_BOUND");
    expect(error.message).toContain("minimum load 9001 pps failed");
    expect(error.context["loadPps"]).toBe(9001);
    expect(requests.at(-1)?.loadPps).toBe(9001);
    expect(requests.filter((request) => request.loadPps === 9001)).toHaveLength(1);
  });

  it("accepts the min load as throughput when only it passes", async () => {
    const { clock, measurer } = bench({ kind: "hard", mrrPps: 9001, noise: 0 });
    const result = await runRfc2544Search({ measurer, clock, options: { maxLoadPps: 1.488e7, trialDurationS: 1 } });
    expect(result.throughputPps).toBe(9001);
    expect(((result.upperBoundPps ?? NaN) - 9001) / (result.upperBoundPps ?? NaN)).toBeLessThanOrEqual(0.005);
  });

  it("times out with SEARCH_TIMEOUT once the clock passes searchDurationMaxS", async () => {
    const { clock, measurer, requests } = bench(hard10M);
    const options: Rfc2544Options = { maxLoadPps: 1.488e7, trialDurationS: 60, searchDurationMaxS: 150 };
    const error = await rejectionOf(runRfc2544Search({ measurer, clock, options }));
    expect(error.code).toBe("SEARCH_TIMEOUT");
    // Trials start at 0, 60 and 120 s (within 150 s); at 180 s the fourth is refused.
    expect(requests).toHaveLength(3);
    expect(error.context).toMatchObject({ elapsedS: 180, searchDurationMaxS: 150, trialCount: 3 });
    expect(error.message).toContain("searchDurationMaxS 150 s");
  });

  it("counts time from the clock's reading at the start of the search", async () => {
    const { clock, measurer } = bench(hard10M);
    clock.advance(1e6);
    const result = await runRfc2544Search({ measurer, clock, options: { maxLoadPps: 1.488e7, trialDurationS: 1, searchDurationMaxS: 100 } });
    expect(result.trials.length).toBeGreaterThan(3);
  });

  it("stops before the next trial when the signal aborts, with the signal's reason", async () => {
    const { clock, measurer, requests } = bench(hard10M);
    const controller = new AbortController();
    const reason = new Error("operator cancelled");
    const debug = (message: string): void => {
      if (message.startsWith("rfc2544 trial 2:")) controller.abort(reason);
    };
    const outcome = runRfc2544Search({ measurer, clock, options: { maxLoadPps: 1.488e7, trialDurationS: 1 }, signal: controller.signal, debug });
    await expect(outcome).rejects.toBe(reason);
    expect(requests).toHaveLength(2);
  });

  it("reports each trial to the debug function", async () => {
    const { clock, measurer } = bench(hard10M);
    const messages: string[] = [];
    const result = await runRfc2544Search({ measurer, clock, options: { maxLoadPps: 1.488e7, trialDurationS: 1 }, debug: (m) => messages.push(m) });
    expect(messages).toHaveLength(result.trials.length);
    expect(messages[0]).toMatch(/^rfc2544 trial 1: 14880000 pps for 1 s, loss ratio [\d.]+ > 0: fail; bounds \[none, 14880000\]$/);
  });

  it("validates its options before measuring anything", async () => {
    const { clock, measurer, requests } = bench(hard10M);
    const error = await rejectionOf(runRfc2544Search({ measurer, clock, options: { maxLoadPps: 1.488e7, relativeResolution: 2 } }));
    expect(error.code).toBe("SEARCH_OPTION_INVALID");
    expect(requests).toHaveLength(0);
  });

  it("passes measurer errors through", async () => {
    const clock = new VirtualClock();
    const failing: Measurer = { measure: () => Promise.reject(new TestbenchError("AGENT_UNREACHABLE", "agent gone")) };
    const error = await rejectionOf(runRfc2544Search({ measurer: failing, clock, options: { maxLoadPps: 1e6 } }));
    expect(error.code).toBe("AGENT_UNREACHABLE");
  });
});
