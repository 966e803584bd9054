/**
 * Semantic checks of one (merged, sweep-applied) throughput experiment: the device string or
 * object, options that apply to the algorithm, and a full compile of the search config, so
 * that nothing fails after the campaign has started.
 */
import { compileDeviceSpec, parseDeviceSpec, DEVICE_STRING_KEYS, type DeviceSpec } from "../../common/devices/index.js";
import { isTestbenchError } from "../../common/errors.js";
import { mlrConfigFromFlags, valuesKeyOf } from "../cli/search-flags.js";
import { rfc2544OptionsFromFlags, rfc2544ValuesKeyOf } from "../cli/search-rfc2544.js";
import { compileRfc2544Options } from "../search/rfc2544/options.js";
import { compilePlrOptions, type PlrOptions } from "../search/plr/index.js";
import type { OptionValue } from "./model.js";

export type Algorithm = "mlr" | "rfc2544" | "plr";

export const optionsByAlgorithm: Readonly<Record<Algorithm, readonly string[]>> = {
  mlr: ["minLoad", "maxLoad", "searchDurationMax", "overhead", "warmup", "pdrLossRatio", "exceedRatio", "width", "initialDuration", "finalDuration", "durationSum", "precedingTargets", "expansionCoefficient", "failFast", "frameSize"],
  rfc2544: ["minLoad", "maxLoad", "searchDurationMax", "overhead", "lossRatio", "trialDuration", "resolution", "frameSize"],
  plr: ["minLoad", "maxLoad", "target", "timeout", "trials", "samples", "overhead", "frameSize"],
};

/** Soak runs in campaigns integrate a fixed number of samples per trial, so that a resumed search replays its stored trials exactly. */
export const defaultSoakSamplesPerTrial = 1000;

const plrValuesKeyOf: Readonly<Record<string, string>> = {
  minLoadPps: "minLoad",
  maxLoadPps: "maxLoad",
  packetLossRatioTarget: "target",
  timeoutS: "timeout",
  maxTrials: "trials",
  samplesPerTrial: "samples",
};

/** PLRsearch options from a soak experiment's options. */
export function plrOptionsFrom(options: Readonly<Record<string, OptionValue>>): PlrOptions {
  const number = (key: string) => (typeof options[key] === "number" ? (options[key] as number) : undefined);
  const timeout = number("timeout");
  const trials = number("trials");
  return {
    minLoadPps: number("minLoad") ?? 9001,
    maxLoadPps: number("maxLoad") ?? 1.488e7,
    ...(number("target") !== undefined && { packetLossRatioTarget: number("target") }),
    ...(timeout !== undefined && { timeoutS: timeout }),
    ...(trials !== undefined && { maxTrials: trials }),
    samplesPerTrial: number("samples") ?? defaultSoakSamplesPerTrial,
  };
}

export interface Problem {
  /** Path below the experiment, e.g. ["options", "width"]. */
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
  /** Point at the key rather than its value. */
  readonly key?: boolean;
}

/** A device from a string (`hard:mrr=1e7`) or an object with the string's keys. */
export function deviceFrom(raw: unknown): DeviceSpec {
  if (typeof raw === "string") return parseDeviceSpec(raw);
  const fields = raw as Record<string, unknown>;
  const spec: Record<string, unknown> = { kind: fields["kind"] };
  for (const [key, field] of Object.entries(DEVICE_STRING_KEYS)) {
    if (fields[key] !== undefined) spec[field] = fields[key];
  }
  return compileDeviceSpec(spec as unknown as DeviceSpec);
}

function messageOf(error: unknown): string {
  return isTestbenchError(error) ? error.message : String(error);
}

export function checkThroughput(algorithm: Algorithm, preset: string, options: Readonly<Record<string, OptionValue>>, device: unknown): Problem[] {
  const problems: Problem[] = [];
  if (device !== undefined) {
    try {
      deviceFrom(device);
    } catch (error) {
      problems.push({ path: ["device"], message: messageOf(error) });
    }
  }
  const allowed = optionsByAlgorithm[algorithm];
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) problems.push({ path: ["options", key], key: true, message: `does not apply to algorithm ${algorithm}; its options: ${allowed.join(", ")}` });
  }
  if (problems.length > 0) return problems;
  try {
    if (algorithm === "mlr") {
      mlrConfigFromFlags({ preset, ...options }, (key) => `options.${valuesKeyOf(key)}`);
    } else if (algorithm === "plr") {
      compilePlrOptions(plrOptionsFrom(options));
    } else {
      compileRfc2544Options(rfc2544OptionsFromFlags(options as Record<string, number>));
    }
  } catch (error) {
    if (!isTestbenchError(error) || !error.userError) throw error;
    const option = String(error.context["option"] ?? "");
    const keyMap = algorithm === "rfc2544" ? rfc2544ValuesKeyOf : algorithm === "plr" ? plrValuesKeyOf : {};
    const valuesKey = keyMap[option] ?? option.replace(/^options\./, "");
    const path = option.startsWith("--preset") ? ["preset"] : ["options", valuesKey];
    problems.push({ path, message: error.message });
  }
  return problems;
}
