/**
 * The compact string form of a device, as given on a command line:
 *   kind:key=value,key=value     e.g.  stretch:mrr=1e7,spread=1e5,seed=1
 * Keys: mrr, spread, noise, seed, burst-probability, burst-loss-ratio. Values are decimal numbers.
 */
import { ValidationError, quote } from "../errors.js";
import type { ResolvedDeviceSpec } from "./device.js";
import type { DeviceSpec } from "./spec.js";
import { compileDeviceSpec, isDeviceKind } from "./spec.js";
import { DEVICE_KINDS } from "./device.js";

type OptionName = Exclude<keyof DeviceSpec, "kind">;

/** String key -> spec field, in the order formatDeviceSpec writes them. */
export const DEVICE_STRING_KEYS: Readonly<Record<string, OptionName>> = Object.freeze({
  mrr: "mrrPps",
  spread: "spreadPps",
  noise: "noise",
  seed: "seed",
  "burst-probability": "burstProbability",
  "burst-loss-ratio": "burstLossRatio",
});

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

function syntaxError(text: string, problem: string): ValidationError {
  return new ValidationError(
    "DEVICE_SPEC_SYNTAX",
    `Device ${quote(text)}: ${problem}; expected kind:key=value,... with kind one of ${DEVICE_KINDS.join(", ")} and keys ${Object.keys(DEVICE_STRING_KEYS).join(", ")}`,
  );
}

/** Parse, apply defaults and validate a compact device string. */
export function parseDeviceSpec(text: string): ResolvedDeviceSpec {
  const colon = text.indexOf(":");
  const kind = (colon < 0 ? text : text.slice(0, colon)).trim();
  if (!isDeviceKind(kind)) {
    throw new ValidationError("DEVICE_UNKNOWN", `Unknown device kind ${quote(kind)} in ${quote(text)}; valid kinds: ${DEVICE_KINDS.join(", ")}`);
  }
  const raw: Record<string, unknown> = { kind };
  const body = colon < 0 ? "" : text.slice(colon + 1).trim();
  for (const item of body === "" ? [] : body.split(",")) {
    const equals = item.indexOf("=");
    if (equals < 0) throw syntaxError(text, `option ${quote(item.trim())} has no "="`);
    const key = item.slice(0, equals).trim();
    const valueText = item.slice(equals + 1).trim();
    const field = Object.hasOwn(DEVICE_STRING_KEYS, key) ? DEVICE_STRING_KEYS[key] : undefined;
    if (field === undefined) {
      throw new ValidationError(
        "DEVICE_OPTION_UNKNOWN",
        `Unknown device option ${quote(key)} in ${quote(text)}; valid options: ${Object.keys(DEVICE_STRING_KEYS).join(", ")}`,
        { context: { kind, option: key } },
      );
    }
    if (raw[field] !== undefined) throw syntaxError(text, `option ${quote(key)} is given twice`);
    if (!DECIMAL.test(valueText)) {
      throw new ValidationError("DEVICE_OPTION_INVALID", `Device option ${key} must be a decimal number, got ${quote(valueText)} in ${quote(text)}`, {
        context: { kind, option: key },
      });
    }
    raw[field] = Number(valueText);
  }
  return compileDeviceSpec(raw as unknown as DeviceSpec);
}

/** The canonical compact string of a device (every resolved knob), which parseDeviceSpec reads back. */
export function formatDeviceSpec(spec: ResolvedDeviceSpec): string {
  const parts: string[] = [];
  for (const [key, field] of Object.entries(DEVICE_STRING_KEYS)) {
    const value = spec[field];
    if (value !== undefined) parts.push(`${key}=${value}`);
  }
  return `${spec.kind}:${parts.join(",")}`;
}
