/**
 * SVG as strings, with every text and attribute value escaped. Styling is presentation attributes
 * on the elements (not CSS), so a chart looks the same inline in the HTML and as a separate file.
 */
import { escapeXml } from "../escape.js";

export type SvgAttributes = Readonly<Record<string, string | number | null | undefined>>;

export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

/** A pixel coordinate with at most two decimals (small files, stable output). */
export function px(value: number): number {
  return Math.round(value * 100) / 100;
}

function attributeText(attributes: SvgAttributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(typeof value === "number" ? String(px(value)) : value)}"`)
    .join("");
}

/** An element; children are SVG markup already (escape text with `text()` or `title()`). */
export function element(tag: string, attributes: SvgAttributes, ...children: string[]): string {
  const inner = children.join("");
  return inner === "" ? `<${tag}${attributeText(attributes)}/>` : `<${tag}${attributeText(attributes)}>${inner}</${tag}>`;
}

/** A tooltip: browsers show an element's <title> child on hover. */
export function title(text: string): string {
  return `<title>${escapeXml(text)}</title>`;
}

export function text(x: number, y: number, content: string, attributes: SvgAttributes = {}): string {
  return element("text", { x, y, ...attributes }, escapeXml(content));
}

export function line(x1: number, y1: number, x2: number, y2: number, attributes: SvgAttributes): string {
  return element("line", { x1, y1, x2, y2, ...attributes });
}

export function polyline(points: ReadonlyArray<readonly [number, number]>, attributes: SvgAttributes): string {
  return element("polyline", { points: points.map(([x, y]) => `${px(x)},${px(y)}`).join(" "), fill: "none", ...attributes });
}

export interface SvgDocument {
  /** Unique within the report page: the ids of the title and description derive from it. */
  readonly id: string;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly title: string;
  readonly description: string;
  readonly body: string;
}

/** A standalone <svg> (valid both inline in HTML and as an .svg file). */
export function svgDocument(doc: SvgDocument): string {
  return element(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      id: doc.id,
      class: "chart",
      width: doc.widthPx,
      height: doc.heightPx,
      viewBox: `0 0 ${doc.widthPx} ${doc.heightPx}`,
      role: "img",
      "aria-labelledby": `${doc.id}-title ${doc.id}-desc`,
      "font-family": FONT_FAMILY,
      "font-size": 12,
    },
    element("title", { id: `${doc.id}-title` }, escapeXml(doc.title)),
    element("desc", { id: `${doc.id}-desc` }, escapeXml(doc.description)),
    element("rect", { x: 0, y: 0, width: doc.widthPx, height: doc.heightPx, fill: "#ffffff" }),
    doc.body,
  );
}
