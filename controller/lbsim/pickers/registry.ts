/**
 * Pickers by name, and compiling a picker spec (recursively for `inner`) into a plan. Unknown
 * pickers, unknown options and bad values are ValidationErrors naming the spec path.
 */
import { ValidationError, quote } from "../../../common/errors.js";
import { checkKnownKeys } from "../config/check.js";
import type { PickerSpec } from "../config/config-types.js";
import { LBSIM_ERROR_CODES } from "../errors.js";
import { FIRST, RANDOM, ROUND_ROBIN } from "./basic-pickers.js";
import { ENVOY_LEAST_REQUEST } from "./envoy-least-request.js";
import { FASTEST_PROBE } from "./fastest-probe.js";
import { HCL } from "./hcl.js";
import { LEAST_COST } from "./least-cost.js";
import { PEAK_EWMA } from "./peak-ewma.js";
import type { PickerPlan } from "./picker.js";
import { PID_WEIGHTED } from "./pid-weighted.js";
import { PREQUAL } from "./prequal.js";
import type { PickerEnv, PickerRegistration } from "./registration.js";
import { SUBSET } from "./subset.js";
import { WEIGHTED } from "./weighted.js";
import { WITH_PROBES } from "./with-probes.js";

export const PICKER_REGISTRATIONS: readonly PickerRegistration[] = Object.freeze([
  FIRST,
  RANDOM,
  ROUND_ROBIN,
  LEAST_COST,
  WEIGHTED,
  SUBSET,
  WITH_PROBES,
  FASTEST_PROBE,
  PID_WEIGHTED,
  HCL,
  PREQUAL,
  ENVOY_LEAST_REQUEST,
  PEAK_EWMA,
]);

const PICKERS = new Map(PICKER_REGISTRATIONS.map((registration) => [registration.name, registration]));

export function pickerNames(): string[] {
  return [...PICKERS.keys()];
}

export interface PickerSizes {
  readonly servers: number;
  readonly clients: number;
  readonly channelsPerClient: number;
}

function compileAt(spec: unknown, path: string, sizes: PickerSizes, narrowed: boolean): PickerPlan {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw new ValidationError(LBSIM_ERROR_CODES.pickerOptionInvalid, `lbsim: ${path} must be a picker spec such as {"picker": "random"}, got ${quote(spec)}`, {
      context: { key: path },
    });
  }
  const name = (spec as { picker?: unknown }).picker;
  const registration = typeof name === "string" ? PICKERS.get(name) : undefined;
  if (registration === undefined) {
    throw new ValidationError(LBSIM_ERROR_CODES.pickerUnknown, `lbsim: ${path}.picker names no picker: got ${quote(name)}; known: ${pickerNames().join(", ")}`, {
      context: { key: `${path}.picker`, value: typeof name === "string" ? name : quote(name) },
    });
  }
  checkKnownKeys(LBSIM_ERROR_CODES.pickerOptionInvalid, path, spec, ["picker", ...registration.options], `${path} (${registration.name})`);
  const env: PickerEnv = {
    ...sizes,
    narrowed,
    compileInner: (inner, innerPath, narrows = false) => compileAt(inner, innerPath, sizes, narrowed || narrows),
  };
  return registration.compile(spec as PickerSpec, path, env);
}

/** Validate `spec` (reported at `path`, e.g. "picker") and return its plan. */
export function compilePicker(spec: unknown, sizes: PickerSizes, path = "picker"): PickerPlan {
  return compileAt(spec, path, sizes, false);
}
