/** Simulated devices shared by the controller's simulated Measurer and the agent's TRex emulator. */
export type { DeviceKind, DeviceTrialCounts, ResolvedDeviceSpec, SimulatedDevice } from "./device.js";
export { DEVICE_KINDS, offeredCountFor } from "./device.js";
export type { DeviceSpec } from "./spec.js";
export {
  compileDeviceSpec,
  isDeviceKind,
  DEFAULT_BURST_LOSS_RATIO,
  DEFAULT_BURST_PROBABILITY,
  DEFAULT_NOISE,
  DEFAULT_SEED,
  DEFAULT_SPREAD_FRACTION_OF_MRR,
} from "./spec.js";
export { DEVICE_STRING_KEYS, formatDeviceSpec, parseDeviceSpec } from "./parse.js";
export { createDevice } from "./create.js";
export type { FittingFunction } from "./fitting.js";
export { lfitErf, lfitStretch } from "./fitting.js";
export type { Rng } from "./rng.js";
export { createSplitMix64 } from "./rng.js";
export { samplePoisson } from "./poisson.js";
