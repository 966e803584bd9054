import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../common/clock.js";
import { createDevice } from "../../../../common/devices/create.js";
import { ValidationError } from "../../../../common/errors.js";
import { createSimulatedMeasurer } from "../../../../controller/measurers/simulated.js";
import { lossRatio } from "../../../../controller/search/measurer.js";

const hardDevice = () => createDevice({ kind: "hard", mrrPps: 1e6, noise: 0 });

describe("createSimulatedMeasurer", () => {
  it("returns the device's counts as a TrialResult with the overhead added", async () => {
    const measurer = createSimulatedMeasurer({ device: hardDevice(), overheadS: 0.5 });
    const result = await measurer.measure({ durationS: 2, loadPps: 1.5e6 });
    expect(result).toEqual({
      durationS: 2,
      loadPps: 1.5e6,
      intendedCount: 3_000_000,
      offeredCount: 3_000_000,
      forwardedCount: 2_000_000,
      lostCount: 1_000_000,
      offeredDurationS: 2,
      durationWithOverheadsS: 2.5,
    });
    expect(Object.isFrozen(result)).toBe(true);
    expect(lossRatio(result)).toBeCloseTo(1 / 3, 12);
  });

  it("defaults the overhead to 0 and reproduces the device's stream trial by trial", async () => {
    const measurer = createSimulatedMeasurer({ device: createDevice({ kind: "stretch", mrrPps: 1e7, seed: 3 }) });
    const reference = createDevice({ kind: "stretch", mrrPps: 1e7, seed: 3 });
    for (const loadPps of [9e6, 9.9e6, 1.05e7]) {
      const result = await measurer.measure({ durationS: 1, loadPps });
      expect(result.durationWithOverheadsS).toBe(1);
      expect(result.lostCount).toBe(reference.trial(loadPps, 1).lostCount);
    }
  });

  it("advances a virtual clock by the effective duration of each trial", async () => {
    const clock = new VirtualClock();
    const measurer = createSimulatedMeasurer({ device: hardDevice(), overheadS: 0.25, clock });
    await measurer.measure({ durationS: 1, loadPps: 1e5 });
    await measurer.measure({ durationS: 60, loadPps: 1e5 });
    expect(clock.monotonicS()).toBe(61.5);
  });

  it.each([
    [{ durationS: 0, loadPps: 1 }, "durationS", "0"],
    [{ durationS: -1, loadPps: 1 }, "durationS", "-1"],
    [{ durationS: Infinity, loadPps: 1 }, "durationS", "Infinity"],
    [{ durationS: 1, loadPps: 0 }, "loadPps", "0"],
    [{ durationS: 1, loadPps: Number.NaN }, "loadPps", "NaN"],
  ])("rejects %o naming %s", async (request, field, quoted) => {
    const measurer = createSimulatedMeasurer({ device: hardDevice() });
    const error = await measurer.measure(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe("TRIAL_REQUEST_INVALID");
    expect((error as ValidationError).message).toContain(`${field} must be a finite number > 0, got ${quoted}`);
  });

  it("rejects a negative or non-finite overhead", () => {
    for (const overheadS of [-0.1, Number.NaN, Infinity]) {
      expect(() => createSimulatedMeasurer({ device: hardDevice(), overheadS })).toThrow(/overheadS must be a finite number >= 0/);
    }
  });

  it("honours an already-aborted signal without running the trial", async () => {
    const device = hardDevice();
    let trials = 0;
    const counting = {
      ...device,
      trial(loadPps: number, durationS: number) {
        trials += 1;
        return device.trial(loadPps, durationS);
      },
    };
    const clock = new VirtualClock();
    const measurer = createSimulatedMeasurer({ device: counting, clock });
    const controller = new AbortController();
    const reason = new Error("operator stopped the run");
    controller.abort(reason);
    await expect(measurer.measure({ durationS: 1, loadPps: 1e5 }, controller.signal)).rejects.toBe(reason);
    expect(trials).toBe(0);
    expect(clock.monotonicS()).toBe(0);
  });
});
