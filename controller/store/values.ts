/**
 * Values in and out of SQLite, checked: packet counts and ids are bound as bigint (so SQLite
 * stores exact 64-bit integers) and read back with safeIntegers on, then checked to be safe
 * JavaScript integers; JSON columns hold only what JSON.stringify round-trips.
 */
import { TestbenchError } from "../../common/errors.js";
import { storeError, storeUserError } from "./store-errors.js";

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A safe integer to bind to an INTEGER column (STORE_VALUE_INVALID otherwise). */
export function integerParam(value: number, field: string, file: string): bigint {
  if (!Number.isSafeInteger(value)) {
    throw storeUserError("STORE_VALUE_INVALID", `cannot store ${field} = ${value} in ${file}: it must be an integer within ±(2^53 - 1)`, {
      file,
      context: { field, value: String(value) },
    });
  }
  return BigInt(value);
}

/** A finite number for a REAL column. */
export function realParam(value: number, field: string, file: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw storeUserError("STORE_VALUE_INVALID", `cannot store ${field} = ${String(value)} in ${file}: it must be a finite number`, {
      file,
      context: { field, value: String(value) },
    });
  }
  return value;
}

export function optionalRealParam(value: number | null | undefined, field: string, file: string): number | null {
  return value === null || value === undefined ? null : realParam(value, field, file);
}

/** A text column's value as JSON, refusing what JSON would silently change (NaN, undefined, bigint). */
export function jsonParam(value: unknown, field: string, file: string): string {
  const refuse = (what: string) =>
    storeUserError("STORE_VALUE_INVALID", `cannot store ${field} in ${file} as JSON: ${what}`, { file, context: { field } });
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (key, inner: unknown) => {
      if (typeof inner === "number" && !Number.isFinite(inner)) throw refuse(`${key || "the value"} is ${inner}`);
      if (inner === undefined && key === "") throw refuse("the value is undefined");
      return inner;
    });
  } catch (error) {
    if (error instanceof TestbenchError) throw error;
    throw refuse(error instanceof Error ? error.message : String(error));
  }
  if (text === undefined) throw refuse("the value has no JSON form");
  return text;
}

export function optionalJsonParam(value: unknown, field: string, file: string): string | null {
  return value === undefined || value === null ? null : jsonParam(value, field, file);
}

function corrupt(column: string, value: unknown, file: string): Error {
  return storeError("STORE_CORRUPT", `the store ${file} holds an unexpected value in ${column}: ${String(value)}; it was left as it is`, {
    file,
    context: { column },
  });
}

/** An INTEGER column read with safeIntegers on, as a safe number. */
export function integerColumn(value: unknown, column: string, file: string): number {
  if (typeof value === "bigint" && value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(value);
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  throw corrupt(column, value, file);
}

export function optionalIntegerColumn(value: unknown, column: string, file: string): number | null {
  return value === null ? null : integerColumn(value, column, file);
}

/** An INTEGER column that may exceed 2^53 (nanosecond timestamps). */
export function bigintColumn(value: unknown, column: string, file: string): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  throw corrupt(column, value, file);
}

export function realColumn(value: unknown, column: string, file: string): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  throw corrupt(column, value, file);
}

export function optionalRealColumn(value: unknown, column: string, file: string): number | null {
  return value === null ? null : realColumn(value, column, file);
}

export function textColumn(value: unknown, column: string, file: string): string {
  if (typeof value === "string") return value;
  throw corrupt(column, value, file);
}

export function optionalTextColumn(value: unknown, column: string, file: string): string | null {
  return value === null ? null : textColumn(value, column, file);
}

export function jsonColumn(value: unknown, column: string, file: string): JsonValue {
  try {
    return JSON.parse(textColumn(value, column, file)) as JsonValue;
  } catch (error) {
    if (error instanceof SyntaxError) throw corrupt(column, value, file);
    throw error;
  }
}

export function optionalJsonColumn(value: unknown, column: string, file: string): JsonValue | null {
  return value === null ? null : jsonColumn(value, column, file);
}

/** One of a fixed set of strings (a status or kind column). */
export function enumColumn<T extends string>(value: unknown, allowed: readonly T[], column: string, file: string): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw corrupt(column, value, file);
}
