/**
 * `hard`: forwards up to a noisy capacity, loses every packet above it.
 * forwarded = clamp(floor(durationS * mrrPps * (1 + noise * N(0,1))), 0, offered).
 * One normal (two uniforms) per trial, drawn even when noise is 0, so the stream's position
 * depends only on the number of trials.
 */
import type { DeviceTrialCounts, ResolvedDeviceSpec, SimulatedDevice } from "./device.js";
import { offeredCountFor } from "./device.js";
import type { Rng } from "./rng.js";
import { createSplitMix64 } from "./rng.js";

/** Packets the capacity lets through this trial (draws one normal). */
export function drawHardForwardedCount(rng: Rng, offeredCount: number, durationS: number, mrrPps: number, noise: number): number {
  const capacityCount = Math.floor(durationS * mrrPps * (1 + noise * rng.normal()));
  return Math.max(0, Math.min(offeredCount, capacityCount));
}

export function createHardDevice(spec: ResolvedDeviceSpec): SimulatedDevice {
  const rng = createSplitMix64(spec.seed);
  const noise = spec.noise ?? 0;
  return Object.freeze({
    kind: spec.kind,
    spec,
    trial(loadPps: number, durationS: number): DeviceTrialCounts {
      const offeredCount = offeredCountFor(loadPps, durationS);
      const forwardedCount = drawHardForwardedCount(rng, offeredCount, durationS, spec.mrrPps, noise);
      return { offeredCount, lostCount: offeredCount - forwardedCount };
    },
  });
}
