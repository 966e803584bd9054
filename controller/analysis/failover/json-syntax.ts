/**
 * Where JSON text first goes wrong, for error messages that name a line: Node's JSON.parse does
 * not always say (Node 20: "Unexpected token 'o', ... is not valid JSON"). A small
 * recursive-descent checker of RFC 8259 syntax; it only finds the offset, JSON.parse does the rest.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SPACE = /[ \t\n\r]*/y;

class Failed extends Error {
  constructor(readonly offset: number) {
    super("json syntax");
  }
}

function sticky(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/** The offset after the string starting at `at`, or -1 (unterminated, raw control character, bad escape). */
function stringEnd(text: string, at: number): number {
  if (text[at] !== '"') return -1;
  for (let index = at + 1; index < text.length; index += 1) {
    const character = text[index] as string;
    if (character.charCodeAt(0) < 0x20) return -1;
    if (character === '"') return index + 1;
    if (character !== "\\") continue;
    const next = text[index + 1] ?? "";
    if (ESCAPES.has(next)) index += 1;
    else if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) index += 5;
    else return -1;
  }
  return -1;
}

function space(text: string, at: number): number {
  return sticky(SPACE, text, at);
}

function value(text: string, start: number): number {
  const at = space(text, start);
  const character = text[at];
  if (character === "{" || character === "[") return container(text, at, character === "{" ? "}" : "]");
  if (character === '"') {
    const end = stringEnd(text, at);
    if (end < 0) throw new Failed(at);
    return end;
  }
  for (const word of ["true", "false", "null"]) if (text.startsWith(word, at)) return at + word.length;
  const end = sticky(NUMBER, text, at);
  if (end < 0) throw new Failed(at);
  return end;
}

function container(text: string, open: number, close: "}" | "]"): number {
  let at = space(text, open + 1);
  if (text[at] === close) return at + 1;
  for (;;) {
    if (close === "}") {
      const keyEnd = stringEnd(text, at);
      if (keyEnd < 0) throw new Failed(at);
      at = space(text, keyEnd);
      if (text[at] !== ":") throw new Failed(at);
      at += 1;
    }
    at = space(text, value(text, at));
    if (text[at] === close) return at + 1;
    if (text[at] !== ",") throw new Failed(at);
    at = space(text, at + 1);
  }
}

/** The offset of the first syntax error in `text`, or null when it is one valid JSON value. */
export function firstSyntaxErrorOffset(text: string): number | null {
  try {
    const end = space(text, value(text, 0));
    return end === text.length ? null : end;
  } catch (error) {
    if (error instanceof Failed) return Math.min(error.offset, text.length);
    throw error;
  }
}
