/**
 * `xbutil examine -r electrical -f JSON` (Xilinx/AMD XRT): per device, power_consumption_watts, and
 * power rails with voltage and current. Every leaf is a JSON string ("24.917442", "true").
 */
import { MeterErrorCode, meterError } from "./meter-errors.js";
import type { MeterReading } from "./meter.js";

type Json = unknown;

function field(value: Json, key: string): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, Json>)[key] : undefined;
}

function numberOf(value: Json): number | undefined {
  const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : undefined;
  if (text === undefined || !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) return undefined;
  return Number(text);
}

function railReadings(deviceId: string, electrical: Json): MeterReading[] {
  const rails = field(electrical, "power_rails");
  if (!Array.isArray(rails)) return [];
  const readings: MeterReading[] = [];
  for (const rail of rails) {
    const voltage = field(rail, "voltage");
    const current = field(rail, "current");
    if (String(field(voltage, "is_present")) !== "true" || String(field(current, "is_present")) !== "true") continue;
    const volts = numberOf(field(voltage, "volts"));
    const amps = numberOf(field(current, "amps"));
    const id = field(rail, "id");
    if (volts !== undefined && amps !== undefined && typeof id === "string") readings.push({ channel: `${deviceId}.${id}`, powerW: volts * amps });
  }
  return readings;
}

/** One reading per device (channel = device_id), plus V x I per present rail when `rails` is set. */
export function parseXrtElectrical(meter: string, text: string, rails: boolean): readonly MeterReading[] {
  let report: Json;
  try {
    report = JSON.parse(text) as Json;
  } catch (error) {
    throw meterError(MeterErrorCode.outputInvalid, meter, `xbutil wrote no JSON report: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const devices = field(report, "devices");
  if (!Array.isArray(devices) || devices.length === 0) throw meterError(MeterErrorCode.outputInvalid, meter, "the xbutil report lists no devices");
  const readings: MeterReading[] = [];
  for (const device of devices) {
    const deviceId = String(field(device, "device_id") ?? "device");
    const electrical = field(device, "electrical");
    const powerW = numberOf(field(electrical, "power_consumption_watts"));
    if (powerW === undefined) {
      throw meterError(MeterErrorCode.outputInvalid, meter, `device ${deviceId} has no numeric electrical.power_consumption_watts`, { context: { device: deviceId } });
    }
    readings.push({ channel: deviceId, powerW });
    if (rails) readings.push(...railReadings(deviceId, electrical));
  }
  return readings;
}
