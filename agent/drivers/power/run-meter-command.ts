/** Run a meter's command once (no shell), with a timeout and the read's signal; failures in meter terms. */
import { execa } from "execa";
import { MeterErrorCode, meterError } from "./meter-errors.js";

/** Largest output a meter command may print, bytes; more is METER_OUTPUT_INVALID. */
export const MAX_METER_OUTPUT_BYTES = 1024 * 1024;

export interface MeterCommandOptions {
  readonly meter: string;
  readonly argv: readonly string[];
  readonly timeoutS: number;
  readonly signal: AbortSignal;
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0]?.slice(0, 300) ?? "";
}

/** stdout of the command; throws METER_NOT_FOUND, METER_TIMEOUT, METER_READ_FAILED or METER_OUTPUT_INVALID. */
export async function runMeterCommand(options: MeterCommandOptions): Promise<string> {
  const [file, ...args] = options.argv;
  if (file === undefined) throw meterError(MeterErrorCode.notFound, options.meter, "has an empty command");
  const command = options.argv.join(" ");
  const result = await execa(file, args, {
    reject: false,
    stdin: "ignore",
    timeout: Math.max(1, Math.round(options.timeoutS * 1000)),
    cancelSignal: options.signal,
    maxBuffer: MAX_METER_OUTPUT_BYTES,
    forceKillAfterDelay: 1000,
  });
  const context = { command };
  if (result.code === "ENOENT") throw meterError(MeterErrorCode.notFound, options.meter, `command ${file} not found; install it or set the meter's command`, { context });
  if (result.isCanceled) throw meterError(MeterErrorCode.readFailed, options.meter, "read cancelled", { context });
  if (result.timedOut) throw meterError(MeterErrorCode.timeout, options.meter, `${command} did not finish within ${options.timeoutS} s`, { context: { ...context, timeoutS: options.timeoutS } });
  if (result.isMaxBuffer) throw meterError(MeterErrorCode.outputInvalid, options.meter, `${command} printed more than ${MAX_METER_OUTPUT_BYTES} bytes`, { context });
  if (result.signal !== undefined) throw meterError(MeterErrorCode.readFailed, options.meter, `${command} was killed by ${result.signal}`, { context: { ...context, signal: result.signal } });
  if (result.exitCode !== 0) {
    const detail = firstLine(String(result.stderr)) || firstLine(String(result.stdout)) || "no output";
    throw meterError(MeterErrorCode.readFailed, options.meter, `${command} exited with ${result.exitCode ?? "?"}: ${detail}`, { context: { ...context, exitCode: result.exitCode ?? -1 } });
  }
  return String(result.stdout);
}
