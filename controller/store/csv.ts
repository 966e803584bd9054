/** RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled, lines end in CRLF. */

export type CsvCell = string | number | boolean | null;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvCell): string {
  if (value === null) return "";
  const text = typeof value === "number" && Object.is(value, -0) ? "0" : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRecord(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}
