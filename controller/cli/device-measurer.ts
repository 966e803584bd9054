/** Build a simulated-device Measurer from the CLI's device flags, with errors in flag terms. */
import { ValidationError, isTestbenchError } from "../../common/errors.js";
import { createDevice, type DeviceSpec } from "../../common/devices/index.js";
import { createSimulatedMeasurer } from "../measurers/simulated.js";
import type { Measurer } from "../search/measurer.js";
import { deviceKinds, type DeviceFlagValues } from "./device-flags.js";

export const defaultMrrPps = 1e7;

const flagOfDeviceOption: Readonly<Record<string, string>> = {
  mrrPps: "--mrr",
  spreadPps: "--spread",
  noise: "--noise",
  seed: "--seed",
};

export function deviceSpecFromFlags(values: DeviceFlagValues): DeviceSpec {
  if (values.device === undefined) {
    throw new ValidationError("CLI_OPTION_MISSING", `--device is required: one of ${deviceKinds.join(", ")} (or --replay FILE, or --agent URL)`, {
      context: { option: "--device" },
    });
  }
  return {
    kind: values.device as DeviceSpec["kind"],
    mrrPps: values.mrr ?? defaultMrrPps,
    ...(values.spread !== undefined && { spreadPps: values.spread }),
    ...(values.noise !== undefined && { noise: values.noise }),
    ...(values.seed !== undefined && { seed: values.seed }),
  };
}

export function deviceMeasurerFromFlags(values: DeviceFlagValues & { overhead?: number }): Measurer {
  try {
    const device = createDevice(deviceSpecFromFlags(values));
    return createSimulatedMeasurer({ device, overheadS: values.overhead ?? 0 });
  } catch (error) {
    if (!isTestbenchError(error) || !error.userError) throw error;
    const option = error.context["option"];
    const flag = typeof option === "string" ? flagOfDeviceOption[option] : undefined;
    if (error.code === "DEVICE_UNKNOWN") {
      throw new ValidationError(error.code, `--device got ${JSON.stringify(values.device)}; valid devices: ${deviceKinds.join(", ")}`, { context: { option: "--device" }, cause: error });
    }
    if (flag === undefined || typeof option !== "string") throw error;
    throw new ValidationError(error.code, error.message.replace(`option ${option}`, `option ${flag}`), { context: { ...error.context, option: flag }, cause: error });
  }
}
