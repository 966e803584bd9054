/**
 * `stretch` and `erf`: lost ~ Poisson(durationS * exp(lfit(loadPps, mrrPps, spreadPps))), capped at
 * offered, with lfit one of PLRsearch's fitting functions. One Poisson sample per trial
 * (one uniform below mean 500, two above), also when nothing is offered (mean 0).
 */
import type { DeviceTrialCounts, ResolvedDeviceSpec, SimulatedDevice } from "./device.js";
import { offeredCountFor } from "./device.js";
import type { FittingFunction } from "./fitting.js";
import { lfitErf, lfitStretch } from "./fitting.js";
import { samplePoisson } from "./poisson.js";
import { createSplitMix64 } from "./rng.js";

/** Expected number of packets lost in the trial. */
export function expectedLossCount(lfit: FittingFunction, loadPps: number, durationS: number, mrrPps: number, spreadPps: number): number {
  if (loadPps === 0) return 0;
  return durationS * Math.exp(lfit(loadPps, mrrPps, spreadPps));
}

export function createFittedDevice(spec: ResolvedDeviceSpec): SimulatedDevice {
  if (spec.kind !== "stretch" && spec.kind !== "erf") throw new RangeError(`createFittedDevice needs kind stretch or erf, got ${spec.kind}`);
  if (spec.spreadPps === undefined) throw new RangeError("createFittedDevice needs a resolved spreadPps");
  const lfit = spec.kind === "stretch" ? lfitStretch : lfitErf;
  const spreadPps = spec.spreadPps;
  const rng = createSplitMix64(spec.seed);
  return Object.freeze({
    kind: spec.kind,
    spec,
    trial(loadPps: number, durationS: number): DeviceTrialCounts {
      const offeredCount = offeredCountFor(loadPps, durationS);
      const meanLossCount = expectedLossCount(lfit, loadPps, durationS, spec.mrrPps, spreadPps);
      return { offeredCount, lostCount: Math.min(offeredCount, samplePoisson(rng, meanLossCount)) };
    },
  });
}
