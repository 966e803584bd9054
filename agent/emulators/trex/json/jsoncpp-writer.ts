/**
 * Writes a reply the way TRex's jsoncpp FastWriter does: compact, object members in byte order of
 * their names (jsoncpp keeps members in a std::map), and a trailing newline.
 * Numbers use JavaScript's shortest round-trip form (jsoncpp prints doubles with %.17g; see docs/trex.md).
 */
export function writeJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value))}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(byteOrder)) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
