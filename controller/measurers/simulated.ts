/**
 * A Measurer backed by a simulated device (common/devices): no agent, no hardware.
 * Each trial costs durationS + overheadS of effective time; with a Clock the measurer sleeps that
 * long on it, so a search over a VirtualClock sees time pass as it would on a real bench.
 */
import type { Clock } from "../../common/clock.js";
import type { SimulatedDevice } from "../../common/devices/device.js";
import { ValidationError, quote } from "../../common/errors.js";
import type { Measurer, TrialRequest, TrialResult } from "../search/measurer.js";
import { makeTrialResult } from "../search/measurer.js";

export interface SimulatedMeasurerOptions {
  readonly device: SimulatedDevice;
  /** Seconds added to every trial's effective duration (start/stop, counter reads); default 0. */
  readonly overheadS?: number;
  /** When given, each trial sleeps durationS + overheadS on it (a VirtualClock just advances). */
  readonly clock?: Clock;
}

function checkRequestField(name: keyof TrialRequest, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new ValidationError("TRIAL_REQUEST_INVALID", `Trial request ${name} must be a finite number > 0, got ${quote(value)}`, {
      context: { field: name },
    });
  }
  return value;
}

export function createSimulatedMeasurer(options: SimulatedMeasurerOptions): Measurer {
  const overheadS = options.overheadS ?? 0;
  if (!Number.isFinite(overheadS) || overheadS < 0) {
    throw new ValidationError("MEASURER_OPTION_INVALID", `Simulated measurer option overheadS must be a finite number >= 0, got ${quote(overheadS)}`, {
      context: { option: "overheadS" },
    });
  }
  const { device, clock } = options;
  return Object.freeze({
    async measure(request: TrialRequest, signal?: AbortSignal): Promise<TrialResult> {
      signal?.throwIfAborted();
      const durationS = checkRequestField("durationS", request.durationS);
      const loadPps = checkRequestField("loadPps", request.loadPps);
      const { offeredCount, lostCount } = device.trial(loadPps, durationS);
      const durationWithOverheadsS = durationS + overheadS;
      if (clock !== undefined) await clock.sleep(durationWithOverheadsS, signal);
      return makeTrialResult({ durationS, loadPps, offeredCount, lostCount, durationWithOverheadsS });
    },
  });
}
