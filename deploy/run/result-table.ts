/** The per-host result table the deploy commands print. */
import type { HostResult } from "./host-result.js";

const HEADERS = ["HOST", "RESULT", "RELEASE", "TIME", "DETAIL"] as const;

function cells(result: HostResult): string[] {
  const code = result.error === undefined ? "" : `[${result.error.code}] `;
  return [result.host, result.outcome, result.release ?? "-", `${result.durationS.toFixed(1)}s`, `${code}${result.detail}`];
}

/** Aligned columns; the detail column is last and not padded. `withLines` adds each row's lines under it. */
export function formatResultTable(results: readonly HostResult[], withLines: boolean): string {
  const rows = results.map(cells);
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column]!.length)));
  const line = (row: readonly string[]): string => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join("  ");
  const out = [line(HEADERS)];
  results.forEach((result, index) => {
    out.push(line(rows[index]!));
    if (withLines) for (const text of result.lines) out.push(`    ${text}`);
  });
  return out.join("\n");
}

/** "3 hosts: 1 installed, 1 unchanged, 1 failed" */
export function summarize(results: readonly HostResult[]): string {
  const counts = new Map<string, number>();
  for (const result of results) counts.set(result.outcome, (counts.get(result.outcome) ?? 0) + 1);
  const parts = [...counts].map(([outcome, count]) => `${count} ${outcome}`);
  return `${results.length} host${results.length === 1 ? "" : "s"}: ${parts.join(", ")}`;
}
