/**
 * A parsed JSON value as TRex's JSON library (jsoncpp 1.8.4) sees it: with the value kind jsoncpp
 * assigns (a non-negative integer up to 2^31-1 is "int", a larger one "uint", anything with a
 * fraction or exponent "double") and the byte offset where the value starts in the request text.
 * TRex quotes both in its type-check errors ("error at offset: 57 - 'port_id' is 'string', ...").
 */

export type JsonNode =
  | { readonly kind: "null"; readonly offset: number }
  | { readonly kind: "boolean"; readonly offset: number; readonly value: boolean }
  | { readonly kind: "int" | "uint"; readonly offset: number; readonly value: bigint }
  | { readonly kind: "double"; readonly offset: number; readonly value: number }
  | { readonly kind: "string"; readonly offset: number; readonly value: string }
  | { readonly kind: "array"; readonly offset: number; readonly items: readonly JsonNode[] }
  | { readonly kind: "object"; readonly offset: number; readonly members: ReadonlyMap<string, JsonNode> };

/** jsoncpp's `Json::Value::null` stand-in for an absent member. */
export const absentNode: JsonNode = Object.freeze({ kind: "null", offset: 0 });

/** Thrown where jsoncpp throws Json::LogicError (e.g. asString() on an object). */
export class JsonLogicError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonLogicError";
  }
}

/** `parent[name]` in jsoncpp: the member, or null when absent or when the parent is not an object. */
export function member(parent: JsonNode, name: string): JsonNode {
  return parent.kind === "object" ? (parent.members.get(name) ?? absentNode) : absentNode;
}

export function isNull(node: JsonNode): boolean {
  return node.kind === "null";
}

/** jsoncpp `Value::asString()`: numbers and booleans convert, containers throw. */
export function asString(node: JsonNode): string {
  switch (node.kind) {
    case "null":
      return "";
    case "string":
      return node.value;
    case "boolean":
      return node.value ? "true" : "false";
    case "int":
    case "uint":
      return node.value.toString();
    case "double":
      return Number.isInteger(node.value) ? `${node.value}.0` : String(node.value);
    default:
      throw new JsonLogicError("Type is not convertible to string");
  }
}

/** The plain JavaScript value of a node (objects become plain objects; integers become numbers). */
export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case "null":
      return null;
    case "int":
    case "uint":
      return Number(node.value);
    case "array":
      return node.items.map(toPlain);
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, value] of node.members) out[key] = toPlain(value);
      return out;
    }
    default:
      return node.value;
  }
}
