/**
 * The two fitting functions PLRsearch integrates over, by name. A name (not a function) is what
 * travels to a worker thread; both sides look the function up here. The functions themselves are
 * the simulated devices' (common/devices/fitting.ts): log of the mean loss rate [1/s] at a load.
 */
import type { FittingFunction } from "../../../common/devices/fitting.js";
import { lfitErf, lfitStretch } from "../../../common/devices/fitting.js";

export const FITTING_NAMES = ["stretch", "erf"] as const;
export type FittingName = (typeof FITTING_NAMES)[number];

const BY_NAME: Readonly<Record<FittingName, FittingFunction>> = Object.freeze({ stretch: lfitStretch, erf: lfitErf });

export function isFittingName(value: unknown): value is FittingName {
  return typeof value === "string" && (FITTING_NAMES as readonly string[]).includes(value);
}

/** The fitting function of that name; a RangeError for anything else (a programming error). */
export function fittingFunction(name: FittingName): FittingFunction {
  if (!isFittingName(name)) throw new RangeError(`unknown PLRsearch fitting function ${String(name)}; known: ${FITTING_NAMES.join(", ")}`);
  return BY_NAME[name];
}
