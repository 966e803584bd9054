/**
 * Canonical proto3 output: protobufjs writes every field present on a plain object, zeros included;
 * proto3 encoders omit scalars at their default. Dropping them here keeps frames small and the bytes
 * identical to other languages' encoders (the golden vectors in test/fixtures/wire/ rely on it).
 */
import protobuf from "protobufjs/light.js";

type Plain = Readonly<Record<string, unknown>>;

function isLongLike(value: object): value is { low: number; high: number } {
  return "low" in value && "high" in value;
}

function isDefaultScalar(value: unknown): boolean {
  if (typeof value === "number") return Object.is(value, 0);
  if (typeof value === "string") return value.length === 0;
  if (typeof value === "boolean") return !value;
  if (typeof value === "bigint") return value === 0n;
  if (typeof value === "object" && value !== null && isLongLike(value)) return value.low === 0 && value.high === 0;
  return false;
}

/** A copy of `message` without default-valued scalars; message-typed fields stay (presence matters). */
export function omitDefaults(type: protobuf.Type, message: Plain): Plain {
  const result: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    const value = message[field.name];
    if (value === undefined || value === null) continue;
    const nested = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
    if (field.map) {
      if (Object.keys(value as object).length > 0) result[field.name] = value;
    } else if (field.repeated) {
      const items = value as readonly unknown[];
      if (items.length > 0) result[field.name] = nested ? items.map((item) => omitDefaults(nested, item as Plain)) : items;
    } else if (nested) {
      result[field.name] = omitDefaults(nested, value as Plain);
    } else if (!isDefaultScalar(value)) {
      result[field.name] = value;
    }
  }
  return result;
}
