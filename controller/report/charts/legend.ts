/** A one-line legend above the plot area: a swatch and a label per item, wrapped to the chart width. */
import { line, text } from "./svg.js";

export interface LegendItem {
  readonly label: string;
  /** Draws the swatch centred at (x, y). */
  readonly swatch: (x: number, y: number) => string;
}

/** Dash patterns shared by the lines and their legend swatches. */
export const DASH = { solid: null, dashed: "6 4", dotted: "2 3" } as const;
export type DashStyle = keyof typeof DASH;

/** A line swatch in a colour and dash style. */
export function lineSwatch(color: string, dash: DashStyle): (x: number, y: number) => string {
  return (x, y) => line(x - 9, y, x + 9, y, { stroke: color, "stroke-width": 2, "stroke-dasharray": DASH[dash] });
}

const CHARACTER_WIDTH_PX = 6.6;
const ITEM_GAP_PX = 34;
const ROW_HEIGHT_PX = 16;

/** Items laid out from (leftPx, topPx) within widthPx; returns the markup and the rows used. */
export function legend(items: readonly LegendItem[], leftPx: number, topPx: number, widthPx: number): { readonly svg: string; readonly rows: number } {
  const parts: string[] = [];
  let x = leftPx;
  let row = 0;
  for (const item of items) {
    const itemWidth = ITEM_GAP_PX + item.label.length * CHARACTER_WIDTH_PX;
    if (x > leftPx && x + itemWidth > leftPx + widthPx) {
      row += 1;
      x = leftPx;
    }
    const y = topPx + row * ROW_HEIGHT_PX;
    parts.push(item.swatch(x + 9, y), text(x + 22, y + 4, item.label, { fill: "#222222" }));
    x += itemWidth;
  }
  return { svg: `<g class="legend">${parts.join("")}</g>`, rows: items.length === 0 ? 0 : row + 1 };
}
