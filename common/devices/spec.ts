/**
 * Device options compiled once: raw -> defaults -> validated -> frozen.
 * Defaults follow the conformance vectors' reference devices: seed 1, noise 0.001 (hard);
 * spreadPps (stretch, erf) defaults to mrrPps / 100 (the vectors' 1e5 at 1e7); bursty's knobs are ours.
 */
import { ValidationError, quote } from "../errors.js";
import type { DeviceKind, ResolvedDeviceSpec } from "./device.js";
import { DEVICE_KINDS } from "./device.js";

export interface DeviceSpec {
  readonly kind: DeviceKind;
  readonly mrrPps: number;
  readonly spreadPps?: number;
  readonly noise?: number;
  readonly seed?: number;
  readonly burstProbability?: number;
  readonly burstLossRatio?: number;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_NOISE = 0.001;
export const DEFAULT_SPREAD_FRACTION_OF_MRR = 0.01;
export const DEFAULT_BURST_PROBABILITY = 0.1;
export const DEFAULT_BURST_LOSS_RATIO = 0.01;

type OptionName = Exclude<keyof DeviceSpec, "kind">;

interface OptionRule {
  readonly kinds: readonly DeviceKind[];
  /** What a valid value is, for the error message. */
  readonly valid: string;
  readonly check: (value: number) => boolean;
}

const positive = (value: number): boolean => Number.isFinite(value) && value > 0;
const unitInterval = (value: number): boolean => Number.isFinite(value) && value >= 0 && value <= 1;

export const DEVICE_OPTION_RULES: Readonly<Record<OptionName, OptionRule>> = Object.freeze({
  mrrPps: { kinds: DEVICE_KINDS, valid: "a finite number > 0 (packets per second)", check: positive },
  spreadPps: { kinds: ["stretch", "erf"], valid: "a finite number > 0 (packets per second)", check: positive },
  noise: { kinds: ["hard", "bursty"], valid: "a number in [0, 1] (relative standard deviation)", check: unitInterval },
  seed: { kinds: DEVICE_KINDS, valid: "an integer in [0, 2^53 - 1]", check: (value) => Number.isSafeInteger(value) && value >= 0 },
  burstProbability: { kinds: ["bursty"], valid: "a number in [0, 1]", check: unitInterval },
  burstLossRatio: { kinds: ["bursty"], valid: "a number in [0, 1]", check: unitInterval },
});

export function isDeviceKind(value: unknown): value is DeviceKind {
  return typeof value === "string" && (DEVICE_KINDS as readonly string[]).includes(value);
}

function optionNames(): OptionName[] {
  return Object.keys(DEVICE_OPTION_RULES) as OptionName[];
}

function checkOption(kind: DeviceKind, name: OptionName, value: unknown): number {
  const rule = DEVICE_OPTION_RULES[name];
  if (!rule.kinds.includes(kind)) {
    throw new ValidationError(
      "DEVICE_OPTION_UNSUPPORTED",
      `Device option ${name} = ${quote(value)} does not apply to a ${kind} device; it applies to: ${rule.kinds.join(", ")}`,
      { context: { kind, option: name } },
    );
  }
  if (typeof value !== "number" || !rule.check(value)) {
    throw new ValidationError("DEVICE_OPTION_INVALID", `Device option ${name} must be ${rule.valid}, got ${quote(value)}`, {
      context: { kind, option: name },
    });
  }
  return value;
}

/** Apply defaults, validate every option (naming it and quoting the value), freeze. */
export function compileDeviceSpec(raw: DeviceSpec): ResolvedDeviceSpec {
  const input = raw as unknown as Readonly<Record<string, unknown>>;
  const kind = input["kind"];
  if (!isDeviceKind(kind)) {
    throw new ValidationError("DEVICE_UNKNOWN", `Unknown device kind ${quote(kind)}; valid kinds: ${DEVICE_KINDS.join(", ")}`);
  }
  const known = new Set<string>(["kind", ...optionNames()]);
  for (const key of Object.keys(input)) {
    if (!known.has(key)) {
      throw new ValidationError("DEVICE_OPTION_UNKNOWN", `Unknown device option ${quote(key)}; valid options: ${optionNames().join(", ")}`, {
        context: { kind, option: key },
      });
    }
  }
  const given: Partial<Record<OptionName, number>> = {};
  for (const name of optionNames()) {
    if (input[name] !== undefined) given[name] = checkOption(kind, name, input[name]);
  }
  if (given.mrrPps === undefined) {
    throw new ValidationError("DEVICE_OPTION_MISSING", `Device option mrrPps is required for a ${kind} device (${DEVICE_OPTION_RULES.mrrPps.valid})`, {
      context: { kind, option: "mrrPps" },
    });
  }
  const mrrPps = given.mrrPps;
  const resolved: ResolvedDeviceSpec = { kind, mrrPps, seed: given.seed ?? DEFAULT_SEED };
  switch (kind) {
    case "hard":
      return Object.freeze({ ...resolved, noise: given.noise ?? DEFAULT_NOISE });
    case "stretch":
    case "erf":
      return Object.freeze({ ...resolved, spreadPps: given.spreadPps ?? mrrPps * DEFAULT_SPREAD_FRACTION_OF_MRR });
    case "bursty":
      return Object.freeze({
        ...resolved,
        noise: given.noise ?? DEFAULT_NOISE,
        burstProbability: given.burstProbability ?? DEFAULT_BURST_PROBABILITY,
        burstLossRatio: given.burstLossRatio ?? DEFAULT_BURST_LOSS_RATIO,
      });
  }
}
