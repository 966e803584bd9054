/** What every simulated device is: a seeded, deterministic stand-in for a DUT's loss behaviour. */
import { ValidationError, quote } from "../errors.js";

export const DEVICE_KINDS = ["hard", "stretch", "erf", "bursty"] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Packet counts of one simulated trial; offeredCount = floor(loadPps * durationS), 0 <= lostCount <= offeredCount. */
export interface DeviceTrialCounts {
  readonly offeredCount: number;
  readonly lostCount: number;
}

/** A device with every knob resolved (defaults applied, validated, frozen). */
export interface ResolvedDeviceSpec {
  readonly kind: DeviceKind;
  readonly mrrPps: number;
  /** stretch and erf only. */
  readonly spreadPps?: number;
  /** hard and bursty only: relative standard deviation of the per-trial capacity. */
  readonly noise?: number;
  readonly seed: number;
  /** bursty only. */
  readonly burstProbability?: number;
  /** bursty only. */
  readonly burstLossRatio?: number;
}

export interface SimulatedDevice {
  readonly kind: DeviceKind;
  readonly spec: ResolvedDeviceSpec;
  /** Simulate one trial; each call advances the device's random stream. */
  trial(loadPps: number, durationS: number): DeviceTrialCounts;
}

/** Check a trial's arguments and return its offered count, floor(loadPps * durationS). */
export function offeredCountFor(loadPps: number, durationS: number): number {
  if (!Number.isFinite(loadPps) || loadPps < 0) {
    throw new ValidationError("DEVICE_TRIAL_INVALID", `Simulated device trial: loadPps must be a finite number >= 0, got ${quote(loadPps)}`);
  }
  if (!Number.isFinite(durationS) || durationS <= 0) {
    throw new ValidationError("DEVICE_TRIAL_INVALID", `Simulated device trial: durationS must be a finite number > 0, got ${quote(durationS)}`);
  }
  const offeredCount = Math.floor(loadPps * durationS);
  if (!Number.isSafeInteger(offeredCount)) {
    throw new ValidationError(
      "DEVICE_TRIAL_INVALID",
      `Simulated device trial: loadPps ${quote(loadPps)} x durationS ${quote(durationS)} is ${offeredCount} packets, beyond exact integer counts (2^53 - 1)`,
    );
  }
  return offeredCount;
}
