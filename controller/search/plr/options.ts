/**
 * PLRsearch options, compiled once: raw -> defaults -> validated -> frozen. Defaults are CSIT's
 * soak defaults. Validation errors name the option and quote the value (SEARCH_OPTION_*).
 */
import { ValidationError, quote } from "../../../common/errors.js";

export interface PlrOptions {
  /** Lowest load to measure and to report [pps]; default 9001 (CSIT). */
  readonly minLoadPps?: number;
  /** Highest load to measure [pps]; required, > minLoadPps. Also scales the prior. */
  readonly maxLoadPps: number;
  /** The critical load is where the mean loss ratio equals this; default 1e-7, in (0, 1). */
  readonly packetLossRatioTarget?: number;
  /** Trial k (from 1) lasts trialDurationPerTrialS * (trialNumberOffset + k) seconds; default 0.1. */
  readonly trialDurationPerTrialS?: number;
  /** See trialDurationPerTrialS; default 50, so trials last 5.1, 5.2, ... s. */
  readonly trialNumberOffset?: number;
  /** Stop once this much time has passed on the clock since the search started (checked after each trial); default 1800 s, or no limit when maxTrials is given. */
  readonly timeoutS?: number;
  /** Stop after this many trials; default no limit. */
  readonly maxTrials?: number;
  /** Exactly this many integrator samples per fitting function per trial (deterministic); default: as many as fit in the trial. */
  readonly samplesPerTrial?: number | null;
  /** Without samplesPerTrial, at least this many samples per trial even when the trial returns at once; default 10. */
  readonly minSamplesPerTrial?: number;
  /** Seed of the integrator's random stream, restarted for every computation (CSIT seeds 0); default 0. */
  readonly seed?: number;
  /** The focus covariance is multiplied by this when sampling; default 5.0 (what CSIT passes; its docs say 8). */
  readonly scaleCoefficient?: number;
}

export interface PlrConfig {
  readonly minLoadPps: number;
  readonly maxLoadPps: number;
  readonly packetLossRatioTarget: number;
  readonly trialDurationPerTrialS: number;
  readonly trialNumberOffset: number;
  readonly timeoutS: number;
  readonly maxTrials: number;
  readonly samplesPerTrial: number | null;
  readonly minSamplesPerTrial: number;
  readonly seed: number;
  readonly scaleCoefficient: number;
}

export const PLR_DEFAULTS = Object.freeze({
  minLoadPps: 9001,
  packetLossRatioTarget: 1e-7,
  trialDurationPerTrialS: 0.1,
  trialNumberOffset: 50,
  timeoutS: 1800,
  maxTrials: Infinity,
  samplesPerTrial: null,
  minSamplesPerTrial: 10,
  seed: 0,
  scaleCoefficient: 5,
});

type Rule = { readonly valid: string; readonly check: (value: number) => boolean };
const positiveFinite = (v: number) => Number.isFinite(v) && v > 0;
const countFrom = (least: number) => (v: number) => Number.isSafeInteger(v) && v >= least;

const RULES: Readonly<Record<keyof PlrOptions, Rule>> = {
  minLoadPps: { valid: "a finite number > 0 (packets per second)", check: positiveFinite },
  maxLoadPps: { valid: "a finite number > 0 (packets per second)", check: positiveFinite },
  packetLossRatioTarget: { valid: "a number in the open interval (0, 1)", check: (v) => v > 0 && v < 1 },
  trialDurationPerTrialS: { valid: "a finite number > 0 (seconds)", check: positiveFinite },
  trialNumberOffset: { valid: "an integer >= 0", check: countFrom(0) },
  timeoutS: { valid: "a number > 0 (seconds; Infinity for no limit)", check: (v) => v > 0 },
  maxTrials: { valid: "an integer >= 1 (or Infinity)", check: (v) => v === Infinity || countFrom(1)(v) },
  samplesPerTrial: { valid: "an integer >= 1", check: countFrom(1) },
  minSamplesPerTrial: { valid: "an integer >= 1", check: countFrom(1) },
  seed: { valid: "an integer in [0, 2^53 - 1]", check: countFrom(0) },
  scaleCoefficient: { valid: "a finite number > 0", check: positiveFinite },
};

function invalid(name: string, value: unknown, valid: string): ValidationError {
  return new ValidationError("SEARCH_OPTION_INVALID", `PLRsearch option ${name} must be ${valid}, got ${quote(value)}`, {
    context: { option: name, value: typeof value === "number" ? value : String(value) },
  });
}

/** Apply defaults, validate, freeze. Compiling an already compiled config gives an equal config. */
export function compilePlrOptions(raw: PlrOptions): PlrConfig {
  const input = raw as unknown as Readonly<Record<string, unknown>>;
  const names = Object.keys(RULES);
  for (const key of Object.keys(input)) {
    if (!names.includes(key)) {
      throw new ValidationError("SEARCH_OPTION_UNKNOWN", `Unknown PLRsearch option ${quote(key)}; valid options: ${names.join(", ")}`, {
        context: { option: key },
      });
    }
  }
  if (input["maxLoadPps"] === undefined) {
    throw new ValidationError("SEARCH_OPTION_MISSING", `PLRsearch option maxLoadPps is required (${RULES.maxLoadPps.valid})`, {
      context: { option: "maxLoadPps" },
    });
  }
  const merged: Record<string, unknown> = { ...PLR_DEFAULTS };
  if (input["maxTrials"] !== undefined && input["maxTrials"] !== Infinity) merged["timeoutS"] = Infinity;
  for (const [key, value] of Object.entries(input)) if (value !== undefined) merged[key] = value;
  for (const [name, rule] of Object.entries(RULES)) {
    const value = merged[name];
    if (name === "samplesPerTrial" && value === null) continue;
    if (typeof value !== "number" || !rule.check(value)) throw invalid(name, value, rule.valid);
  }
  const config = merged as unknown as PlrConfig;
  if (config.maxLoadPps <= config.minLoadPps) {
    throw invalid("maxLoadPps", config.maxLoadPps, `greater than minLoadPps (${quote(config.minLoadPps)})`);
  }
  return Object.freeze(config);
}
