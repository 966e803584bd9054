/**
 * Lenient reading of iperf3 -J output: everything before the first line that starts with "{" is
 * a warning (3.12 prints "warning: ..." there when stderr is merged), then every top-level JSON
 * object is taken in turn (a persistent server prints one per test, concatenated). Text between or
 * after objects and an object cut off at the end are warnings too.
 */
import { pushWarning } from "./iperf-data.js";

export interface JsonObjects {
  readonly objects: readonly Record<string, unknown>[];
  readonly warnings: readonly string[];
}

/** The end index (exclusive) of the object starting at `start`, or -1 when it is cut off. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") depth++;
    else if (char === "}" || char === "]") {
      depth--;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

function skippedLines(text: string, warnings: string[]): void {
  for (const line of text.split("\n")) if (line.trim() !== "") pushWarning(warnings, `skipped a line before the JSON: ${line.trim()}`);
}

export function readJsonObjects(text: string): JsonObjects {
  const objects: Record<string, unknown>[] = [];
  const warnings: string[] = [];
  let position = 0;
  while (position < text.length) {
    const match = /^[ \t]*\{/m.exec(text.slice(position));
    if (match === null) {
      skippedLines(text.slice(position), warnings);
      break;
    }
    const start = position + match.index + match[0].length - 1;
    skippedLines(text.slice(position, start), warnings);
    const end = objectEnd(text, start);
    if (end < 0) {
      pushWarning(warnings, `the JSON object at offset ${start} is cut off (${text.length - start} bytes)`);
      break;
    }
    try {
      const value: unknown = JSON.parse(text.slice(start, end));
      if (typeof value === "object" && value !== null && !Array.isArray(value)) objects.push(value as Record<string, unknown>);
    } catch (error) {
      pushWarning(warnings, `the JSON object at offset ${start} does not parse: ${error instanceof Error ? error.message : String(error)}`);
    }
    position = end;
  }
  return { objects, warnings };
}
