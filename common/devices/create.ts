import { createBurstyDevice } from "./bursty.js";
import type { SimulatedDevice } from "./device.js";
import { createFittedDevice } from "./fitted.js";
import { createHardDevice } from "./hard.js";
import type { DeviceSpec } from "./spec.js";
import { compileDeviceSpec } from "./spec.js";

/** A fresh device (its random stream at the start) from a spec; validates the spec first. */
export function createDevice(spec: DeviceSpec): SimulatedDevice {
  const resolved = compileDeviceSpec(spec);
  switch (resolved.kind) {
    case "hard":
      return createHardDevice(resolved);
    case "stretch":
    case "erf":
      return createFittedDevice(resolved);
    case "bursty":
      return createBurstyDevice(resolved);
  }
}
