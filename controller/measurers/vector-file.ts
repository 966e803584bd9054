/**
 * Conformance vector files (../shared/reference/mlrsearch/*.json): a recorded search run
 * of CSIT MLRsearch with its knobs (`reference_args`), every trial, and the result.
 */
import { readFileSync } from "node:fs";
import { ValidationError, quote } from "../../common/errors.js";

export interface VectorTrial {
  readonly n: number;
  readonly durationS: number;
  readonly loadPps: number;
  readonly offeredCount: number;
  readonly lostCount: number;
}

export interface VectorGoalResult {
  readonly goal: string;
  readonly lossRatio: number;
  readonly conditionalThroughputPps: number | null;
  readonly relevantLowerBoundPps: number | null;
  readonly relevantUpperBoundPps: number | null;
  readonly regular: boolean;
}

export interface VectorFile {
  readonly path: string;
  readonly referenceArgs: readonly string[];
  readonly trials: readonly VectorTrial[];
  readonly goals: readonly VectorGoalResult[];
  readonly error: string | null;
  /** The untouched `result` object, for fields this module does not model. */
  readonly rawResult: Readonly<Record<string, unknown>>;
}

function malformed(path: string, where: string, problem: string): ValidationError {
  return new ValidationError("VECTOR_FILE_INVALID", `${path}: ${where}: ${problem}`, { context: { file: path, key: where } });
}

function field<T>(path: string, where: string, value: unknown, check: (v: unknown) => v is T, expected: string): T {
  if (!check(value)) throw malformed(path, where, `expected ${expected}, got ${quote(value)}`);
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isInteger = (v: unknown): v is number => Number.isSafeInteger(v);
const isString = (v: unknown): v is string => typeof v === "string";
const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";
const isNumberOrNull = (v: unknown): v is number | null => v === null || isNumber(v);

export function parseVector(text: string, path: string): VectorFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new ValidationError("VECTOR_FILE_INVALID", `${path}: not valid JSON (${(cause as Error).message}); a vector file is one JSON object`, {
      context: { file: path },
      cause,
    });
  }
  const root = field(path, "top level", data, isObject, "an object");
  const args = field(path, "reference_args", root["reference_args"], isString, "a string of CLI flags");
  const rawTrials = field(path, "trials", root["trials"], Array.isArray, "an array");
  const trials = rawTrials.map((raw: unknown, index: number): VectorTrial => {
    const where = `trials[${index}]`;
    const trial = field(path, where, raw, isObject, "an object");
    const n = field(path, `${where}.n`, trial["n"], isInteger, "an integer");
    if (n !== index + 1) throw malformed(path, `${where}.n`, `expected ${index + 1} (trials in order), got ${n}`);
    return {
      n,
      durationS: field(path, `${where}.duration`, trial["duration"], isNumber, "a number of seconds"),
      loadPps: field(path, `${where}.load`, trial["load"], isNumber, "a load in pps"),
      offeredCount: field(path, `${where}.offered`, trial["offered"], isInteger, "an integer packet count"),
      lostCount: field(path, `${where}.loss`, trial["loss"], isInteger, "an integer packet count"),
    };
  });
  const result = field(path, "result", root["result"], isObject, "an object");
  const error = result["error"] === undefined ? null : field(path, "result.error", result["error"], isString, "a string");
  const rawGoals = error === null ? field(path, "result.goals", result["goals"], Array.isArray, "an array") : [];
  const goals = rawGoals.map((raw: unknown, index: number): VectorGoalResult => {
    const where = `result.goals[${index}]`;
    const goal = field(path, where, raw, isObject, "an object");
    return {
      goal: field(path, `${where}.goal`, goal["goal"], isString, "a goal name"),
      lossRatio: field(path, `${where}.loss_ratio`, goal["loss_ratio"], isNumber, "a number"),
      conditionalThroughputPps: field(path, `${where}.conditional_throughput`, goal["conditional_throughput"], isNumberOrNull, "a number or null"),
      relevantLowerBoundPps: field(path, `${where}.relevant_lower_bound`, goal["relevant_lower_bound"], isNumberOrNull, "a number or null"),
      relevantUpperBoundPps: field(path, `${where}.relevant_upper_bound`, goal["relevant_upper_bound"], isNumberOrNull, "a number or null"),
      regular: field(path, `${where}.regular`, goal["regular"], isBoolean, "true or false"),
    };
  });
  return { path, referenceArgs: args.trim().split(/\s+/).filter(Boolean), trials, goals, error, rawResult: result };
}

export function readVectorFile(path: string): VectorFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "it is a directory" : (cause as Error).message;
    throw new ValidationError("VECTOR_FILE_UNREADABLE", `cannot read vector file ${path}: ${reason}`, {
      context: { file: path },
      cause,
    });
  }
  return parseVector(text, path);
}
