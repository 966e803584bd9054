/** Reads of sysfs attribute files (one ASCII integer per file), with errors in meter terms. */
import { access, readFile, readdir } from "node:fs/promises";
import { MeterErrorCode, meterError } from "./meter-errors.js";

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}

export async function readSysfsText(meter: string, path: string): Promise<string> {
  try {
    return (await readFile(path, "utf8")).trim();
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") throw meterError(MeterErrorCode.notFound, meter, `${path} does not exist`, { context: { path }, cause: error });
    if (code === "ENODATA") throw meterError(MeterErrorCode.unavailable, meter, `${path} has no data (sensor disabled)`, { context: { path }, cause: error });
    const hint = code === "EACCES" || code === "EPERM" ? " (since Linux 5.10 RAPL energy_uj is readable by root only: run the agent as root)" : "";
    const detail = error instanceof Error ? error.message : String(error);
    throw meterError(MeterErrorCode.readFailed, meter, `cannot read ${path}: ${detail}${hint}`, { context: { path }, cause: error });
  }
}

/** A non-negative integer attribute (µW, µJ, ms); anything else is METER_OUTPUT_INVALID. */
export async function readSysfsInteger(meter: string, path: string): Promise<number> {
  const text = await readSysfsText(meter, path);
  const value = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw meterError(MeterErrorCode.outputInvalid, meter, `${path} holds ${JSON.stringify(text.slice(0, 40))}, not an integer`, { context: { path } });
  }
  return value;
}

/** Entries of a sysfs folder; a missing folder is METER_NOT_FOUND. */
export async function listSysfs(meter: string, path: string): Promise<readonly string[]> {
  try {
    return (await readdir(path)).sort();
  } catch (error) {
    throw meterError(MeterErrorCode.notFound, meter, `${path} cannot be listed: ${error instanceof Error ? error.message : String(error)}`, { context: { path }, cause: error });
  }
}

export async function sysfsExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
