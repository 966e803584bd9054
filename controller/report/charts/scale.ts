/**
 * Scales map data values to pixels. A log scale is chosen for loads when they span a factor of 10
 * or more (MLRsearch trials from the max load down to a weak device's MRR), a linear one otherwise.
 */
import { linearTicks, logTicks } from "./ticks.js";

export interface Scale {
  readonly kind: "linear" | "log";
  readonly domain: readonly [number, number];
  /** Pixels of domain[0] and domain[1] (y axes run bottom to top: [bottom, top]). */
  readonly rangePx: readonly [number, number];
  readonly ticks: readonly number[];
  readonly minorTicks: readonly number[];
  map(value: number): number;
}

function interpolate(fraction: number, rangePx: readonly [number, number]): number {
  return rangePx[0] + fraction * (rangePx[1] - rangePx[0]);
}

export function linearScale(min: number, max: number, rangePx: readonly [number, number], tickCount = 5, integer = false): Scale {
  const { domain, ticks } = linearTicks(min, max, tickCount, integer);
  const span = domain[1] - domain[0];
  return Object.freeze({
    kind: "linear" as const,
    domain,
    rangePx,
    ticks,
    minorTicks: [],
    map: (value: number) => interpolate((value - domain[0]) / span, rangePx),
  });
}

export function logScale(min: number, max: number, rangePx: readonly [number, number]): Scale {
  const { domain, ticks, minorTicks } = logTicks(min, max);
  const low = Math.log10(domain[0]);
  const span = Math.log10(domain[1]) - low;
  return Object.freeze({
    kind: "log" as const,
    domain,
    rangePx,
    ticks,
    minorTicks,
    map: (value: number) => interpolate((Math.log10(value) - low) / span, rangePx),
  });
}

/** The factor between the largest and smallest value at which loads go on a log axis. */
export const LOG_SCALE_MIN_RATIO = 10;

/** Log when all values are > 0 and span at least LOG_SCALE_MIN_RATIO, else linear. */
export function autoScale(values: readonly number[], rangePx: readonly [number, number], tickCount = 5): Scale {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return linearScale(0, 1, rangePx, tickCount);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (min > 0 && max / min >= LOG_SCALE_MIN_RATIO) return logScale(min, max, rangePx);
  return linearScale(min, max, rangePx, tickCount);
}
