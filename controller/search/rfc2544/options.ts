/**
 * RFC 2544 binary search options, compiled once: raw -> defaults -> validated -> frozen.
 * Validation errors name the option and quote the value (code SEARCH_OPTION_*).
 */
import { ValidationError, quote } from "../../../common/errors.js";

export interface Rfc2544Options {
  /** Lowest load the search may try, per direction; default 9001 pps (as CSIT). */
  readonly minLoadPps?: number;
  /** Highest load, tried first; required, > minLoadPps. */
  readonly maxLoadPps: number;
  /** A trial passes when its loss ratio is at most this; default 0, in [0, 1). */
  readonly lossRatio?: number;
  /** Every trial's intended duration; default 60 s (RFC 2544 section 26.1: at least 60 s). */
  readonly trialDurationS?: number;
  /** Stop when (upper - lower) / upper <= this; default 0.005, in (0, 1). */
  readonly relativeResolution?: number;
  /** Give up (SEARCH_TIMEOUT) once more than this much time has passed on the search's Clock; default Infinity. */
  readonly searchDurationMaxS?: number;
}

export type Rfc2544Config = Readonly<Required<Rfc2544Options>>;

export const RFC2544_DEFAULTS = Object.freeze({
  minLoadPps: 9001,
  lossRatio: 0,
  trialDurationS: 60,
  relativeResolution: 0.005,
  searchDurationMaxS: Infinity,
});

type OptionName = keyof Rfc2544Options;

const RULES: Readonly<Record<OptionName, { readonly valid: string; readonly check: (value: number) => boolean }>> = {
  minLoadPps: { valid: "a finite number > 0 (packets per second)", check: (v) => Number.isFinite(v) && v > 0 },
  maxLoadPps: { valid: "a finite number > 0 (packets per second)", check: (v) => Number.isFinite(v) && v > 0 },
  lossRatio: { valid: "a number in [0, 1)", check: (v) => v >= 0 && v < 1 },
  trialDurationS: { valid: "a finite number > 0 (seconds)", check: (v) => Number.isFinite(v) && v > 0 },
  relativeResolution: { valid: "a number in (0, 1)", check: (v) => v > 0 && v < 1 },
  searchDurationMaxS: { valid: "a number > 0 (seconds; Infinity for no limit)", check: (v) => v > 0 },
};

function invalid(name: string, value: unknown, valid: string): ValidationError {
  return new ValidationError("SEARCH_OPTION_INVALID", `RFC 2544 search option ${name} must be ${valid}, got ${quote(value)}`, {
    context: { option: name },
  });
}

/** Apply defaults, validate, freeze. Compiling an already compiled config gives an equal config. */
export function compileRfc2544Options(raw: Rfc2544Options): Rfc2544Config {
  const input = raw as unknown as Readonly<Record<string, unknown>>;
  const names = Object.keys(RULES);
  for (const key of Object.keys(input)) {
    if (!names.includes(key)) {
      throw new ValidationError("SEARCH_OPTION_UNKNOWN", `Unknown RFC 2544 search option ${quote(key)}; valid options: ${names.join(", ")}`, {
        context: { option: key },
      });
    }
  }
  if (input["maxLoadPps"] === undefined) {
    throw new ValidationError("SEARCH_OPTION_MISSING", `RFC 2544 search option maxLoadPps is required (${RULES.maxLoadPps.valid})`, {
      context: { option: "maxLoadPps" },
    });
  }
  const merged: Record<string, unknown> = { ...RFC2544_DEFAULTS };
  for (const [key, value] of Object.entries(input)) if (value !== undefined) merged[key] = value;
  for (const [name, rule] of Object.entries(RULES)) {
    const value = merged[name];
    if (typeof value !== "number" || !rule.check(value)) throw invalid(name, value, rule.valid);
  }
  const config = merged as Rfc2544Config;
  if (config.maxLoadPps <= config.minLoadPps) {
    throw invalid("maxLoadPps", config.maxLoadPps, `greater than minLoadPps (${quote(config.minLoadPps)})`);
  }
  return Object.freeze(config);
}
