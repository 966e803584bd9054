/** Errors of power meters (docs/power.md). A read error mid-stream becomes a gap, not the stream's end. */
import { TestbenchError, type ErrorContext } from "../../../common/errors.js";

export const MeterErrorCode = Object.freeze({
  /** The meter's path, device or command does not exist. */
  notFound: "METER_NOT_FOUND",
  /** A read failed (I/O error, permission, a command exiting non-zero). */
  readFailed: "METER_READ_FAILED",
  /** The meter answered with something that is not a power reading. */
  outputInvalid: "METER_OUTPUT_INVALID",
  /** The meter answered, but says its reading is not valid now (DCMI "deactivated", hwmon ENODATA). */
  unavailable: "METER_READING_UNAVAILABLE",
  /** A command meter did not answer within its timeout. */
  timeout: "METER_TIMEOUT",
});

export function meterError(code: string, meter: string, message: string, options: { context?: ErrorContext; cause?: unknown } = {}): TestbenchError {
  return new TestbenchError(code, `meter ${meter}: ${message}`, { context: { meter, ...(options.context ?? {}) }, cause: options.cause });
}
