/**
 * Lenient reading of iperf3 -J files, as the lab's `lenient_read_json` did and more: lines before
 * the first line that starts with "{" (a warning printed on stderr and redirected into the file)
 * are dropped with a warning; several concatenated objects (a persistent `iperf3 -s -J`) are all
 * returned; a bare `nan` (old iperf3 `lost_percent`) reads as null. Anything else that is not JSON
 * is an error naming the file and line.
 */
import { inputError } from "./errors.js";
import { firstSyntaxErrorOffset } from "./json-syntax.js";

export interface JsonObjects {
  readonly objects: readonly Record<string, unknown>[];
  readonly warnings: readonly string[];
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index += 1) if (text.charCodeAt(index) === 10) line += 1;
  return line;
}

function firstObjectLine(text: string): number {
  const match = /^[ \t]*\{/m.exec(text);
  return match === null ? -1 : match.index;
}

const BARE_WORDS = /^-?(?:nan|inf(?:inity)?)\b/i;

interface Scanned {
  readonly json: string;
  readonly end: number;
  readonly bareWords: number;
}

/** The object starting at `start` ("{"), with bare nan/inf replaced by null; null when truncated. */
function scanObject(text: string, start: number): Scanned | null {
  let depth = 0;
  let inString = false;
  let bareWords = 0;
  let out = "";
  for (let index = start; index < text.length; index += 1) {
    const character = text[index] ?? "";
    if (inString) {
      out += character;
      if (character === "\\") {
        out += text[index + 1] ?? "";
        index += 1;
      } else if (character === '"') inString = false;
      continue;
    }
    const bare = character === "-" || character === "n" || character === "N" || character === "i" || character === "I" ? BARE_WORDS.exec(text.slice(index, index + 10)) : null;
    if (bare !== null) {
      out += "null";
      index += bare[0].length - 1;
      bareWords += 1;
      continue;
    }
    out += character;
    if (character === '"') inString = true;
    else if (character === "{" || character === "[") depth += 1;
    else if (character === "}" || character === "]") {
      depth -= 1;
      if (depth === 0) return { json: out, end: index + 1, bareWords };
    }
  }
  return null;
}

function parseScanned(text: string, source: string, start: number, scanned: Scanned): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(scanned.json);
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new SyntaxError("not an object");
    return value as Record<string, unknown>;
  } catch (error) {
    // Lines are counted in the scanned copy: replacing nan by null moves offsets, never newlines.
    const line = lineAt(text, start) + lineAt(scanned.json, firstSyntaxErrorOffset(scanned.json) ?? 0) - 1;
    throw inputError({ source, line }, `not valid JSON (${(error as Error).message})`);
  }
}

/** Every top-level JSON object in an iperf3 -J capture. */
export function readJsonObjects(text: string, source: string): JsonObjects {
  const warnings: string[] = [];
  const first = firstObjectLine(text);
  if (first < 0) {
    const firstLine = text.split("\n").find((line) => line.trim() !== "") ?? "";
    throw inputError({ source, line: 1 }, "no JSON object in the file (expected iperf3 -J output)", firstLine);
  }
  const prefix = text.slice(0, first).split("\n").filter((line) => line.trim() !== "");
  if (prefix.length > 0) warnings.push(`${source}: dropped ${prefix.length} line(s) before the JSON: ${JSON.stringify(prefix[0])}`);
  const objects: Record<string, unknown>[] = [];
  let offset = first + (text.slice(first).indexOf("{"));
  while (offset < text.length) {
    const scanned = scanObject(text, offset);
    if (scanned === null) throw inputError({ source, line: lineAt(text, text.length) }, "the JSON ends before its object closes (truncated file?)");
    objects.push(parseScanned(text, source, offset, scanned));
    if (scanned.bareWords > 0) warnings.push(`${source}:${lineAt(text, offset)}: read ${scanned.bareWords} bare nan/inf value(s) as null`);
    const rest = /\S/.exec(text.slice(scanned.end));
    if (rest === null) break;
    offset = scanned.end + rest.index;
    if (text[offset] !== "{") throw inputError({ source, line: lineAt(text, offset) }, "unexpected text after a JSON object", text.slice(offset).split("\n")[0]);
  }
  return { objects, warnings };
}
