/**
 * A generic meter: run a command (argv, no shell) and take the power from its output with a regular
 * expression (the named group `powerW`, else the first group), times `scale` (e.g. 0.001 for mW).
 */
import type { MeterReading, PowerMeter } from "./meter.js";
import { MeterErrorCode, meterError } from "./meter-errors.js";
import { runMeterCommand } from "./run-meter-command.js";

export interface RegexMeterOptions {
  readonly name: string;
  readonly command: readonly string[];
  readonly pattern: RegExp;
  readonly scale: number;
  readonly channel: string;
  readonly timeoutS: number;
}

/** The scaled number `pattern` finds in `output`; METER_OUTPUT_INVALID otherwise. */
export function matchPowerW(meter: string, output: string, pattern: RegExp, scale: number): number {
  const match = pattern.exec(output);
  const text = match?.groups?.["powerW"] ?? match?.[1];
  const value = text !== undefined && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) {
    const found = match === null ? "does not match" : `captured ${JSON.stringify(text ?? "")}, not a number`;
    throw meterError(MeterErrorCode.outputInvalid, meter, `/${pattern.source}/ ${found} in ${JSON.stringify(output.trim().slice(0, 120))}`);
  }
  return value * scale;
}

export class RegexMeter implements PowerMeter {
  constructor(private readonly options: RegexMeterOptions) {}

  get name(): string {
    return this.options.name;
  }

  async open(signal: AbortSignal): Promise<void> {
    await this.read(signal);
  }

  async read(signal: AbortSignal): Promise<readonly MeterReading[]> {
    const { command, timeoutS, pattern, scale, channel } = this.options;
    const output = await runMeterCommand({ meter: this.name, argv: command, timeoutS, signal });
    return [{ channel, powerW: matchPowerW(this.name, output, pattern, scale) }];
  }
}
