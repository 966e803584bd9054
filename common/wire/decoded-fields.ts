/**
 * Typed reads from the plain object protobufjs' toObject produces
 * (options: longs BigInt, enums String, defaults and arrays on), so that converters
 * never touch `any`. A type mismatch means a malformed frame (WIRE_MALFORMED).
 */
import { malformed } from "./wire-error.js";

export type Decoded = Readonly<Record<string, unknown>>;

export function readString(source: Decoded, field: string): string {
  const value = source[field];
  if (typeof value !== "string") throw malformed(`field ${field} is not a string`, field);
  return value;
}

export function readBool(source: Decoded, field: string): boolean {
  const value = source[field];
  if (typeof value !== "boolean") throw malformed(`field ${field} is not a bool`, field);
  return value;
}

/** A double or a 32-bit integer field. Non-finite doubles decode as they are; validators reject them. */
export function readNumber(source: Decoded, field: string): number {
  const value = source[field];
  if (typeof value !== "number") throw malformed(`field ${field} is not a number`, field);
  return value;
}

export function readBigInt(source: Decoded, field: string): bigint {
  const value = source[field];
  if (typeof value !== "bigint") throw malformed(`field ${field} is not a 64-bit integer`, field);
  return value;
}

/** A 64-bit count or id that must fit a JavaScript safe integer. */
export function readSafeInteger(source: Decoded, field: string): number {
  const value = readBigInt(source, field);
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw malformed(`field ${field} = ${value} exceeds the safe integer range`, field);
  }
  return Number(value);
}

export function readObject(source: Decoded, field: string): Decoded {
  const value = source[field];
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw malformed(`field ${field} is not a message`, field);
  return value as Decoded;
}

export function readArray(source: Decoded, field: string): readonly unknown[] {
  const value = source[field];
  if (!Array.isArray(value)) throw malformed(`field ${field} is not a repeated field`, field);
  return value;
}

export function readNumberArray(source: Decoded, field: string): readonly number[] {
  return Object.freeze(
    readArray(source, field).map((item) => {
      if (typeof item !== "number") throw malformed(`field ${field} has a non-numeric element`, field);
      return item;
    }),
  );
}

export function readStringArray(source: Decoded, field: string): readonly string[] {
  return Object.freeze(
    readArray(source, field).map((item) => {
      if (typeof item !== "string") throw malformed(`field ${field} has a non-string element`, field);
      return item;
    }),
  );
}

export function readStringMap(source: Decoded, field: string): Readonly<Record<string, string>> {
  const value = readObject(source, field);
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== "string") throw malformed(`field ${field}[${key}] is not a string`, field);
    result[key] = item;
  }
  return Object.freeze(result);
}

/** An enum decoded by name; values the schema does not know decode as their number and map to `fallback`. */
export function readEnum<T extends string>(source: Decoded, field: string, names: Readonly<Record<string, T>>, fallback: T): T {
  const value = source[field];
  if (typeof value === "number") return fallback;
  if (typeof value !== "string") throw malformed(`field ${field} is not an enum`, field);
  return names[value] ?? fallback;
}
