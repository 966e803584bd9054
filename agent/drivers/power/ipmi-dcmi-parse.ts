/**
 * The current system power from `ipmitool dcmi power reading` (ipmitool 1.8.19) or
 * `ipmi-dcmi --get-system-power-statistics` (freeipmi), both in whole watts. A reading the BMC
 * marks as not valid ("deactivated", "Not Available") is METER_READING_UNAVAILABLE.
 */
import { MeterErrorCode, meterError } from "./meter-errors.js";

const IPMITOOL_POWER = /^\s*Instantaneous power reading:\s*(\d+(?:\.\d+)?)\s*Watts\s*$/im;
const IPMITOOL_STATE = /^\s*Power reading state is:\s*(\S+)\s*$/im;
const FREEIPMI_POWER = /^\s*Current Power\s*:\s*(\d+(?:\.\d+)?)\s*Watts\s*$/im;
const FREEIPMI_STATE = /^\s*Power Measurement\s*:\s*(.+?)\s*$/im;

export function parseDcmiPowerW(meter: string, output: string): number {
  const ipmitool = IPMITOOL_POWER.exec(output);
  const freeipmi = ipmitool ? null : FREEIPMI_POWER.exec(output);
  const value = ipmitool?.[1] ?? freeipmi?.[1];
  if (value === undefined) {
    const excerpt = JSON.stringify(output.trim().slice(0, 120));
    throw meterError(MeterErrorCode.outputInvalid, meter, `no "Instantaneous power reading" (ipmitool) or "Current Power" (ipmi-dcmi) line in ${excerpt}`);
  }
  const state = ipmitool ? IPMITOOL_STATE.exec(output)?.[1] : FREEIPMI_STATE.exec(output)?.[1];
  const valid = state === undefined || (ipmitool ? state.toLowerCase() === "activated" : state.toLowerCase() === "active");
  if (!valid) throw meterError(MeterErrorCode.unavailable, meter, `the BMC says its power reading is not valid (state ${JSON.stringify(state)})`, { context: { state: state ?? "" } });
  return Number(value);
}
