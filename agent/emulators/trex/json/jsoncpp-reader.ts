import type { JsonNode } from "./json-node.js";

/**
 * A JSON reader that behaves like jsoncpp 1.8.4's `Json::Reader` as TRex uses it: byte offsets on
 * every value, jsoncpp's integer kinds (int / uint / double), exact 64-bit integers (a core_mask of
 * 2^64-1 stays exact), C and C++ comments allowed, and text after the first complete value ignored.
 * Returns undefined where jsoncpp's parse() fails (TRex then answers -32700 "Bad JSON Format").
 */

const maxDepth = 1000;
const maxUInt64 = (1n << 64n) - 1n;
const minInt64 = -(1n << 63n);
const maxInt = 2n ** 31n - 1n;
const utf8 = new TextDecoder("utf-8");

class SyntaxFailure extends Error {}

export function readJson(bytes: Uint8Array): JsonNode | undefined {
  const reader = new Reader(bytes);
  try {
    return reader.value(0);
  } catch (error) {
    if (error instanceof SyntaxFailure) return undefined;
    throw error;
  }
}

class Reader {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  value(depth: number): JsonNode {
    if (depth > maxDepth) throw new SyntaxFailure("too deep");
    this.skipBlank();
    const offset = this.pos;
    const c = this.bytes[this.pos];
    if (c === 0x7b) return this.object(offset, depth);
    if (c === 0x5b) return this.array(offset, depth);
    if (c === 0x22) return { kind: "string", offset, value: this.string() };
    if (c === 0x2d || (c !== undefined && c >= 0x30 && c <= 0x39)) return this.number(offset);
    if (this.literal("true")) return { kind: "boolean", offset, value: true };
    if (this.literal("false")) return { kind: "boolean", offset, value: false };
    if (this.literal("null")) return { kind: "null", offset };
    throw new SyntaxFailure("value, object or array expected");
  }

  private object(offset: number, depth: number): JsonNode {
    this.pos++;
    const members = new Map<string, JsonNode>();
    this.skipBlank();
    if (this.bytes[this.pos] === 0x7d) {
      this.pos++;
      return { kind: "object", offset, members };
    }
    for (;;) {
      this.skipBlank();
      if (this.bytes[this.pos] !== 0x22) throw new SyntaxFailure("missing '}' or object member name");
      const name = this.string();
      this.expect(0x3a);
      members.set(name, this.value(depth + 1));
      this.skipBlank();
      const next = this.bytes[this.pos++];
      if (next === 0x7d) return { kind: "object", offset, members };
      if (next !== 0x2c) throw new SyntaxFailure("missing ',' or '}' in object declaration");
    }
  }

  private array(offset: number, depth: number): JsonNode {
    this.pos++;
    const items: JsonNode[] = [];
    this.skipBlank();
    if (this.bytes[this.pos] === 0x5d) {
      this.pos++;
      return { kind: "array", offset, items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipBlank();
      const next = this.bytes[this.pos++];
      if (next === 0x5d) return { kind: "array", offset, items };
      if (next !== 0x2c) throw new SyntaxFailure("missing ',' or ']' in array declaration");
    }
  }

  private number(offset: number): JsonNode {
    let end = this.pos;
    const at = (i: number) => this.bytes[i] ?? 0;
    if (at(end) === 0x2d) end++;
    const digitsStart = end;
    while (at(end) >= 0x30 && at(end) <= 0x39) end++;
    let integral = end > digitsStart;
    if (at(end) === 0x2e) {
      integral = false;
      end++;
      while (at(end) >= 0x30 && at(end) <= 0x39) end++;
    }
    if (at(end) === 0x65 || at(end) === 0x45) {
      integral = false;
      end++;
      if (at(end) === 0x2b || at(end) === 0x2d) end++;
      while (at(end) >= 0x30 && at(end) <= 0x39) end++;
    }
    const text = utf8.decode(this.bytes.subarray(this.pos, end));
    this.pos = end;
    if (integral) {
      const exact = BigInt(text);
      if (exact >= 0n && exact <= maxInt) return { kind: "int", offset, value: exact };
      if (exact > maxInt && exact <= maxUInt64) return { kind: "uint", offset, value: exact };
      if (exact < 0n && exact >= minInt64) return { kind: "int", offset, value: exact };
    }
    const value = Number(text);
    if (!Number.isFinite(value) || text === "-" || text === "") throw new SyntaxFailure(`bad number '${text}'`);
    return { kind: "double", offset, value };
  }

  private string(): string {
    this.pos++;
    let out = "";
    let chunkStart = this.pos;
    for (;;) {
      const c = this.bytes[this.pos];
      if (c === undefined) throw new SyntaxFailure("missing '\"'");
      if (c === 0x22) {
        out += utf8.decode(this.bytes.subarray(chunkStart, this.pos));
        this.pos++;
        return out;
      }
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += utf8.decode(this.bytes.subarray(chunkStart, this.pos));
      out += this.escape();
      chunkStart = this.pos;
    }
  }

  private escape(): string {
    const c = this.bytes[this.pos + 1];
    this.pos += 2;
    const simple: Record<number, string> = { 0x22: '"', 0x2f: "/", 0x5c: "\\", 0x62: "\b", 0x66: "\f", 0x6e: "\n", 0x72: "\r", 0x74: "\t" };
    if (c !== undefined && simple[c] !== undefined) return simple[c];
    if (c !== 0x75) throw new SyntaxFailure("bad escape sequence in string");
    const high = this.hex4();
    if (high >= 0xd800 && high <= 0xdbff) {
      if (this.bytes[this.pos] !== 0x5c || this.bytes[this.pos + 1] !== 0x75) throw new SyntaxFailure("expecting another \\u token");
      this.pos += 2;
      const low = this.hex4();
      return String.fromCodePoint(0x10000 + ((high & 0x3ff) << 10) + (low & 0x3ff));
    }
    return String.fromCharCode(high);
  }

  private hex4(): number {
    const text = utf8.decode(this.bytes.subarray(this.pos, this.pos + 4));
    if (!/^[0-9a-fA-F]{4}$/.test(text)) throw new SyntaxFailure("bad unicode escape sequence");
    this.pos += 4;
    return Number.parseInt(text, 16);
  }

  private literal(word: string): boolean {
    for (let i = 0; i < word.length; i++) if (this.bytes[this.pos + i] !== word.charCodeAt(i)) return false;
    this.pos += word.length;
    return true;
  }

  private expect(byte: number): void {
    this.skipBlank();
    if (this.bytes[this.pos] !== byte) throw new SyntaxFailure(`expected '${String.fromCharCode(byte)}'`);
    this.pos++;
  }

  /** Whitespace plus the C/C++ comments jsoncpp's default features allow. */
  private skipBlank(): void {
    for (;;) {
      const c = this.bytes[this.pos];
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else if (c === 0x2f && this.bytes[this.pos + 1] === 0x2f) while (this.pos < this.bytes.length && this.bytes[this.pos] !== 0x0a) this.pos++;
      else if (c === 0x2f && this.bytes[this.pos + 1] === 0x2a) {
        const close = indexOfPair(this.bytes, this.pos + 2, 0x2a, 0x2f);
        if (close < 0) throw new SyntaxFailure("unterminated comment");
        this.pos = close + 2;
      } else return;
    }
  }
}

function indexOfPair(bytes: Uint8Array, from: number, first: number, second: number): number {
  for (let i = from; i + 1 < bytes.length; i++) if (bytes[i] === first && bytes[i + 1] === second) return i;
  return -1;
}
