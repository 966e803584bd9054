/** Typed reads of StreamStart.arguments (strings on the wire), refusing bad values with STREAM_ARGUMENTS_INVALID. */
import { invalidArgument } from "./stream-errors.js";

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly unit?: string;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export class StreamArguments {
  constructor(
    private readonly source: string,
    private readonly values: Readonly<Record<string, string>>,
  ) {}

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  number(name: string, range: NumberRange, fallback?: number): number {
    const text = this.values[name];
    if (text === undefined) {
      if (fallback === undefined) throw invalidArgument(this.source, name, "is required");
      return fallback;
    }
    const value = NUMBER.test(text.trim()) ? Number(text) : Number.NaN;
    const kind = range.integer ? "an integer" : "a number";
    const unit = range.unit === undefined ? "" : ` ${range.unit}`;
    if (!Number.isFinite(value) || value < range.min || value > range.max || (range.integer === true && !Number.isInteger(value))) {
      throw invalidArgument(this.source, name, `must be ${kind} in [${range.min}, ${range.max}]${unit}`, text);
    }
    return value;
  }

  optionalNumber(name: string, range: NumberRange): number | undefined {
    return this.has(name) ? this.number(name, range) : undefined;
  }

  boolean(name: string, fallback: boolean): boolean {
    const text = this.values[name];
    if (text === undefined) return fallback;
    if (text === "true" || text === "1") return true;
    if (text === "false" || text === "0") return false;
    throw invalidArgument(this.source, name, 'must be "true" or "false"', text);
  }

  choice<T extends string>(name: string, choices: readonly T[], fallback?: T): T {
    const text = this.values[name];
    if (text === undefined) {
      if (fallback === undefined) throw invalidArgument(this.source, name, "is required");
      return fallback;
    }
    const found = choices.find((choice) => choice === text);
    if (found === undefined) throw invalidArgument(this.source, name, `must be one of ${choices.join(", ")}`, text);
    return found;
  }

  /** A host name or address: letters, digits, dots, colons, dashes (no spaces, nothing starting with "-"). */
  host(name: string, fallback?: string): string {
    const text = this.values[name];
    if (text === undefined) {
      if (fallback === undefined) throw invalidArgument(this.source, name, "is required");
      return fallback;
    }
    if (!/^[A-Za-z0-9_.:%][A-Za-z0-9_.:%-]{0,252}$/.test(text)) throw invalidArgument(this.source, name, "must be a host name or an address", text);
    return text;
  }

  optionalHost(name: string): string | undefined {
    return this.has(name) ? this.host(name) : undefined;
  }
}
