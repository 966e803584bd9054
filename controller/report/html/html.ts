/** Small helpers for the page's HTML: escaped text, tables, status badges, figures. */
import { escapeXml } from "../escape.js";
import type { ReportChart } from "../report-charts.js";

/** Escaped text. */
export const h = escapeXml;

export interface Cell {
  readonly text: string;
  /** Right-aligned, tabular digits. */
  readonly numeric?: boolean;
  /** Tooltip (e.g. the exact value behind a rounded one). */
  readonly title?: string;
  /** Markup to use instead of the escaped text. */
  readonly html?: string;
}

export type CellInput = Cell | string;

function cell(input: CellInput): string {
  const value: Cell = typeof input === "string" ? { text: input } : input;
  const attributes = `${value.numeric ? ' class="num"' : ""}${value.title === undefined ? "" : ` title="${h(value.title)}"`}`;
  return `<td${attributes}>${value.html ?? h(value.text)}</td>`;
}

export function table(headers: readonly string[], rows: ReadonlyArray<readonly CellInput[]>, options: { readonly caption?: string; readonly className?: string } = {}): string {
  const caption = options.caption === undefined ? "" : `<caption>${h(options.caption)}</caption>`;
  const head = `<thead><tr>${headers.map((header) => `<th scope="col">${h(header)}</th>`).join("")}</tr></thead>`;
  const body = `<tbody>${rows.map((row) => `<tr>${row.map(cell).join("")}</tr>`).join("")}</tbody>`;
  return `<table${options.className === undefined ? "" : ` class="${h(options.className)}"`}>${caption}${head}${body}</table>`;
}

export function statusBadge(status: string): string {
  return `<span class="status status-${h(status)}">${h(status)}</span>`;
}

export function figure(chart: ReportChart): string {
  return `<figure id="figure-${h(chart.id)}">${chart.svg}<figcaption>${h(chart.title)} · <span class="code">${h(chart.id)}.svg</span></figcaption></figure>`;
}

export function facts(entries: ReadonlyArray<readonly [string, string]>): string {
  return `<dl class="facts">${entries.map(([term, html]) => `<dt>${h(term)}</dt><dd>${html}</dd>`).join("")}</dl>`;
}
