/** Where a chart's legend goes and how much room is left for the plot. */
import { DEFAULT_FRAME, plotArea, type ChartFrame, type PlotArea } from "./frame.js";
import { legend, type LegendItem } from "./legend.js";

export interface ChartLayout {
  readonly frame: ChartFrame;
  readonly area: PlotArea;
  readonly legendSvg: string;
}

const LEGEND_TOP_PX = 16;
const LEGEND_ROW_PX = 16;

/** The frame grown at the top by the legend's rows (the plot keeps its height). */
export function layoutWithLegend(items: readonly LegendItem[], frame: ChartFrame = DEFAULT_FRAME): ChartLayout {
  const { svg, rows } = legend(items, frame.marginLeftPx, LEGEND_TOP_PX, frame.widthPx - frame.marginLeftPx - frame.marginRightPx);
  const extraPx = Math.max(0, rows - 1) * LEGEND_ROW_PX;
  const grown: ChartFrame = { ...frame, heightPx: frame.heightPx + extraPx, marginTopPx: frame.marginTopPx + extraPx };
  return { frame: grown, area: plotArea(grown), legendSvg: svg };
}
