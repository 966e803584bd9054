/**
 * A linear scale over exactly [min, max] (a zoom window is what the reader asked for, so it is not
 * widened to whole tick steps), with the charts' 1-2-5 ticks that fall inside it.
 */
import type { Scale } from "../charts/scale.js";
import { linearTicks } from "../charts/ticks.js";

export function windowScale(min: number, max: number, rangePx: readonly [number, number], tickCount = 6): Scale {
  const high = max > min ? max : min + 1;
  const { ticks } = linearTicks(min, high, tickCount);
  const span = high - min;
  return Object.freeze({
    kind: "linear" as const,
    domain: [min, high] as const,
    rangePx,
    ticks: ticks.filter((tick) => tick >= min - span * 1e-9 && tick <= high + span * 1e-9),
    minorTicks: [],
    map: (value: number) => rangePx[0] + ((value - min) / span) * (rangePx[1] - rangePx[0]),
  });
}
