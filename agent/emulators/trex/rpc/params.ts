import { asString, isNull, member, type JsonNode } from "../json/json-node.js";
import { parseFault } from "./rpc-fault.js";

/**
 * Field checks with TRex's exact rules and messages (TrexRpcCommand::check_field_type in
 * trex_rpc_cmd.cpp, jsoncpp 1.8.4 predicates): an integral double passes as an integer, a double
 * field accepts integers, and a failure names the byte offset of the offending value.
 */

type FieldType = "byte" | "uint16" | "uint32" | "uint64" | "int" | "double" | "unsigned double" | "bool" | "string" | "object" | "array";

const twoTo64 = 2 ** 64;

function isUInt64(node: JsonNode): boolean {
  if (node.kind === "int") return node.value >= 0n;
  if (node.kind === "uint") return true;
  return node.kind === "double" && node.value >= 0 && node.value < twoTo64 && Number.isInteger(node.value);
}

function asBigInt(node: JsonNode): bigint {
  if (node.kind === "int" || node.kind === "uint") return node.value;
  return node.kind === "double" ? BigInt(Math.trunc(node.value)) : 0n;
}

function isInt32(node: JsonNode): boolean {
  if (node.kind === "int" || node.kind === "uint") return node.value >= -(2n ** 31n) && node.value <= 2n ** 31n - 1n;
  return node.kind === "double" && Number.isInteger(node.value) && node.value >= -(2 ** 31) && node.value <= 2 ** 31 - 1;
}

function isNumber(node: JsonNode): boolean {
  return node.kind === "int" || node.kind === "uint" || node.kind === "double";
}

export function numberOf(node: JsonNode): number {
  return node.kind === "int" || node.kind === "uint" ? Number(node.value) : node.kind === "double" ? node.value : 0;
}

const uintLimits: Partial<Record<FieldType, bigint>> = { byte: 0xffn, uint16: 0xffffn, uint32: 0xffffffffn };
const sizeNames: Partial<Record<FieldType, string>> = { byte: "uint8", uint16: "uint16", uint32: "uint32" };

/** check_field_type_common: returns the field when it has the type, else throws TRex's parse error. */
function checkValue(field: JsonNode, name: string, type: FieldType): JsonNode {
  if (isNull(field)) throw parseFault(`field '${name}' value is null`);
  let specific = `is '${field.kind}', expecting '${type}'`;
  let ok: boolean;
  switch (type) {
    case "byte":
    case "uint16":
    case "uint32": {
      ok = isUInt64(field);
      const limit = uintLimits[type] ?? 0n;
      if (ok && asBigInt(field) > limit) {
        ok = false;
        specific = `has size bigger than ${sizeNames[type]}.`;
      }
      break;
    }
    case "uint64":
      ok = isUInt64(field);
      break;
    case "int":
      ok = isInt32(field);
      break;
    case "double":
      ok = isNumber(field);
      break;
    case "unsigned double":
      ok = isNumber(field);
      if (ok && numberOf(field) < 0) {
        ok = false;
        specific = "has negative value.";
      }
      break;
    case "bool":
      ok = field.kind === "boolean";
      break;
    case "string":
      ok = field.kind === "string";
      break;
    case "object":
      ok = field.kind === "object";
      break;
    case "array":
      ok = field.kind === "array";
      break;
  }
  if (!ok) throw parseFault(`error at offset: ${field.offset} - '${name}' ${specific}`);
  return field;
}

/** check_field_type(parent, name, ...): the parent must be an object holding a non-null member. */
function check(parent: JsonNode, name: string, type: FieldType): JsonNode {
  if (isNull(parent)) throw parseFault(`field '${name}' is missing`);
  if (parent.kind !== "object") throw parseFault(`parent field '${name}' is missing`);
  return checkValue(member(parent, name), name, type);
}

/** check_field_type(parent, index, ...) for array elements ("array element: N "). */
export function arrayElement(parent: JsonNode, index: number, type: FieldType): JsonNode {
  if (parent.kind !== "array") throw parseFault("parent field is missing");
  return checkValue(parent.items[index] ?? { kind: "null", offset: 0 }, `array element: ${index + 1} `, type);
}

const present = (parent: JsonNode, name: string): boolean => !isNull(member(parent, name));

export const parseByte = (p: JsonNode, n: string): number => Number(asBigInt(check(p, n, "byte")));
export const parseUint16 = (p: JsonNode, n: string): number => Number(asBigInt(check(p, n, "uint16")));
export const parseUint32 = (p: JsonNode, n: string): number => Number(asBigInt(check(p, n, "uint32")));
export const parseUint64 = (p: JsonNode, n: string): bigint => asBigInt(check(p, n, "uint64"));
export const parseInt32 = (p: JsonNode, n: string): number => numberOf(check(p, n, "int"));
export const parseDouble = (p: JsonNode, n: string): number => numberOf(check(p, n, "double"));
export const parseUdouble = (p: JsonNode, n: string): number => numberOf(check(p, n, "unsigned double"));
export function parseBool(p: JsonNode, n: string): boolean {
  const field = check(p, n, "bool");
  return field.kind === "boolean" && field.value;
}
export const parseString = (p: JsonNode, n: string): string => asString(check(p, n, "string"));
export const parseObject = (p: JsonNode, n: string): JsonNode => check(p, n, "object");
export const parseArray = (p: JsonNode, n: string): JsonNode => check(p, n, "array");

/** The `parse_X(parent, name, result, default)` overloads: an absent or null member gives the default. */
export function withDefault<T>(parse: (p: JsonNode, n: string) => T, parent: JsonNode, name: string, fallback: T): T {
  return present(parent, name) ? parse(parent, name) : fallback;
}

/** parse_choice: the member must equal (as a JSON string) one of the choices. */
export function parseChoice<T extends string>(parent: JsonNode, name: string, choices: readonly T[]): T {
  const field = member(parent, name);
  if (isNull(field)) throw parseFault(`field '${name}' is missing`);
  const hit = field.kind === "string" ? choices.find((choice) => choice === field.value) : undefined;
  if (hit !== undefined) return hit;
  throw parseFault(`field '${name}' can only be one of [${choices.map((c) => `'${c}'`).join(" ,")}]`);
}

/** parse_profile: `profile_id` as a string (jsoncpp asString), default when absent. */
export function parseProfile(params: JsonNode, fallback = "_"): string {
  const field = member(params, "profile_id");
  return isNull(field) ? fallback : asString(field);
}
