/**
 * `bursty`: a hard device whose DUT is sometimes interrupted (a housekeeping task, a timer
 * interrupt storm, a table rebuild). On a seeded random subset of trials, with probability
 * burstProbability, the interrupt drops a spike of ceil(burstLossRatio * forwarded) of the
 * packets the hard device would have forwarded, so loss appears even well below mrr.
 * Draws per trial, always in this order: one normal (the capacity), one uniform (the burst).
 */
import type { DeviceTrialCounts, ResolvedDeviceSpec, SimulatedDevice } from "./device.js";
import { offeredCountFor } from "./device.js";
import { drawHardForwardedCount } from "./hard.js";
import { createSplitMix64 } from "./rng.js";

export function createBurstyDevice(spec: ResolvedDeviceSpec): SimulatedDevice {
  const rng = createSplitMix64(spec.seed);
  const noise = spec.noise ?? 0;
  const burstProbability = spec.burstProbability ?? 0;
  const burstLossRatio = spec.burstLossRatio ?? 0;
  return Object.freeze({
    kind: spec.kind,
    spec,
    trial(loadPps: number, durationS: number): DeviceTrialCounts {
      const offeredCount = offeredCountFor(loadPps, durationS);
      const forwardedCount = drawHardForwardedCount(rng, offeredCount, durationS, spec.mrrPps, noise);
      const interrupted = rng.uniform() < burstProbability;
      const spikeCount = interrupted ? Math.ceil(burstLossRatio * forwardedCount) : 0;
      return { offeredCount, lostCount: offeredCount - forwardedCount + spikeCount };
    },
  });
}
