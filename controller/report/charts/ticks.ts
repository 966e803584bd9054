/**
 * Axis ticks a person reads easily: linear steps of 1, 2 or 5 times a power of ten, and on a log
 * axis the powers of ten (with 2 and 5 between them when the axis spans few decades).
 */

/** Rounds away binary noise: 0.1 * 3 -> 0.3. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** The smallest of 1, 2, 5 times a power of ten that is at least `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) throw new RangeError(`niceStep needs a finite step > 0, got ${rough}`);
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const factor = fraction <= 1 + 1e-9 ? 1 : fraction <= 2 + 1e-9 ? 2 : fraction <= 5 + 1e-9 ? 5 : 10;
  return clean(factor * power);
}

export interface LinearTicks {
  /** The axis extent: the data range widened to whole steps. */
  readonly domain: readonly [number, number];
  readonly step: number;
  readonly ticks: readonly number[];
}

/**
 * About `count` ticks (never fewer than 2 intervals) covering [min, max]; a single value gets a
 * range around it. `integer` keeps the step a whole number (trial numbers, replications).
 */
export function linearTicks(min: number, max: number, count = 5, integer = false): LinearTicks {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) throw new RangeError(`linearTicks needs finite min <= max, got ${min}, ${max}`);
  let low = min;
  let high = max;
  if (low === high) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.05;
    low -= pad;
    high += pad;
  }
  const rough = niceStep((high - low) / Math.max(2, count));
  const step = integer ? Math.max(1, rough) : rough;
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  for (let index = first; index <= last; index += 1) ticks.push(clean(index * step));
  return { domain: [clean(first * step), clean(last * step)], step, ticks };
}

/** The largest of 1, 2, 5 times a power of ten that is at most `value` (> 0). */
export function logFloor(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const fraction = value / power;
  return clean((fraction >= 5 - 1e-9 ? 5 : fraction >= 2 - 1e-9 ? 2 : 1) * power);
}

/** The smallest of 1, 2, 5 times a power of ten that is at least `value` (> 0). */
export function logCeil(value: number): number {
  return niceStep(value);
}

export interface LogTicks {
  readonly domain: readonly [number, number];
  /** Labelled ticks. */
  readonly ticks: readonly number[];
  /** Unlabelled grid positions: 2..9 times each power when the axis spans at most 3 decades, and majors left unlabelled. */
  readonly minorTicks: readonly number[];
}

const MAJOR_TICKS_MAX = 8;

/** Log ticks over [min, max] (both > 0), the domain widened to 1-2-5 values. */
export function logTicks(min: number, max: number): LogTicks {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) throw new RangeError(`logTicks needs 0 < min <= max, got ${min}, ${max}`);
  const domain: [number, number] = [logFloor(min), logCeil(max)];
  if (domain[0] === domain[1]) domain[1] = logCeil(domain[0] * 1.01);
  const decades = Math.log10(domain[1] / domain[0]);
  const multipliers = decades <= 1.5 ? [1, 2, 5] : decades <= 3 ? [1, 3] : [1];
  const inside = (value: number) => value >= domain[0] * (1 - 1e-9) && value <= domain[1] * (1 + 1e-9);
  const major: number[] = [];
  const minor: number[] = [];
  for (let exponent = Math.floor(Math.log10(domain[0])); exponent <= Math.ceil(Math.log10(domain[1])); exponent += 1) {
    for (let multiplier = 1; multiplier <= 9; multiplier += 1) {
      const value = clean(multiplier * 10 ** exponent);
      if (!inside(value)) continue;
      (multipliers.includes(multiplier) ? major : minor).push(value);
    }
  }
  const stride = Math.ceil(major.length / MAJOR_TICKS_MAX);
  const labelled = major.filter((_, index) => index % stride === 0);
  const grid = (decades <= 3 ? minor : []).concat(major.filter((value) => !labelled.includes(value)));
  return { domain, ticks: labelled, minorTicks: grid.sort((a, b) => a - b) };
}
