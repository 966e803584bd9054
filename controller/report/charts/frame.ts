/** The layout every chart shares: its size, the margins around the plot area, and that area. */

export interface ChartFrame {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly marginLeftPx: number;
  readonly marginRightPx: number;
  readonly marginTopPx: number;
  readonly marginBottomPx: number;
}

export interface PlotArea {
  readonly leftPx: number;
  readonly rightPx: number;
  readonly topPx: number;
  readonly bottomPx: number;
}

export const DEFAULT_FRAME: ChartFrame = Object.freeze({
  widthPx: 760,
  heightPx: 320,
  marginLeftPx: 78,
  marginRightPx: 24,
  marginTopPx: 52,
  marginBottomPx: 48,
});

export function plotArea(frame: ChartFrame): PlotArea {
  return {
    leftPx: frame.marginLeftPx,
    rightPx: frame.widthPx - frame.marginRightPx,
    topPx: frame.marginTopPx,
    bottomPx: frame.heightPx - frame.marginBottomPx,
  };
}
