/**
 * An experiment's name and sweep point, from what a run stores: `parameters.sweep` (the
 * orchestrator's run parameters) or `parameters.sweepPoint` (an experiment definition), else the
 * key form `name[parameter=value]`. A stored `name` wins over the name in the key.
 */
import type { JsonValue } from "../store/index.js";
import type { SweepPoint, SweepValue } from "./model.js";

export interface ExperimentIdentity {
  readonly name: string;
  readonly sweep: SweepPoint | null;
}

const SWEEP_KEY = /^(.+)\[([^=\]]+)=([^\]]*)\]$/;
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function isRecord(value: JsonValue | undefined): value is { readonly [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sweepValueOf(value: JsonValue | undefined): SweepValue | undefined {
  return typeof value === "number" || typeof value === "string" || typeof value === "boolean" ? value : undefined;
}

/** A value as the key spells it: numbers and booleans back to their type, anything else a string. */
export function parseSweepValue(text: string): SweepValue {
  if (NUMBER_TEXT.test(text.trim())) return Number(text);
  if (text === "true" || text === "false") return text === "true";
  return text;
}

export function experimentIdentity(experimentKey: string, parameters: JsonValue): ExperimentIdentity {
  const match = SWEEP_KEY.exec(experimentKey);
  const keyName = match?.[1];
  if (isRecord(parameters)) {
    const point = parameters["sweep"] !== undefined ? parameters["sweep"] : parameters["sweepPoint"];
    const storedName = typeof parameters["name"] === "string" ? parameters["name"] : undefined;
    if (isRecord(point) && typeof point["parameter"] === "string") {
      const value = sweepValueOf(point["value"]);
      if (value !== undefined) return { name: storedName ?? keyName ?? experimentKey, sweep: { parameter: point["parameter"], value } };
    }
    if (point === null) return { name: storedName ?? experimentKey, sweep: null };
  }
  if (match && keyName !== undefined && match[2] !== undefined && match[3] !== undefined) {
    return { name: keyName, sweep: { parameter: match[2], value: parseSweepValue(match[3]) } };
  }
  return { name: experimentKey, sweep: null };
}

/** Numbers in numeric order before anything else in text order. */
export function compareSweepValues(a: SweepValue, b: SweepValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return String(a).localeCompare(String(b), "en");
}
