/**
 * The discrete load grid of MLRsearch (CSIT's LoadRounding).
 *
 * Integers 0..maxIntLoad map to loads spaced geometrically between min and max load.
 * Interior grid values are not closed-form: each is the node of one fixed binary tree
 * over [0, maxIntLoad], interpolated geometrically between the values of its
 * interval's ends. Copying that tree is what makes our loads equal CSIT's to the ulp
 * (up to libm differences in exp/log). Values are cached and do not depend on query order.
 */

export interface LoadRoundingOptions {
  readonly minLoadPps: number;
  readonly maxLoadPps: number;
  /** Relative widths of every goal; each in (0, 1). */
  readonly relativeWidths: readonly number[];
  readonly qualityLower?: number;
  readonly qualityUpper?: number;
}

export class LoadRounding {
  readonly minLoadPps: number;
  readonly maxLoadPps: number;
  readonly maxIntLoad: number;
  private readonly nodeLoads = new Map<number, number>();

  constructor(options: LoadRoundingOptions) {
    const { minLoadPps, maxLoadPps } = options;
    if (!(minLoadPps > 0 && minLoadPps < maxLoadPps && Number.isFinite(maxLoadPps))) {
      throw new RangeError(`load limits not supported: min ${minLoadPps}, max ${maxLoadPps}`);
    }
    const qualityLower = options.qualityLower ?? 0.99;
    const qualityUpper = options.qualityUpper ?? 0.999999;
    const widths = [...new Set(options.relativeWidths)].sort((a, b) => a - b);
    for (const width of widths) {
      if (!(width > 0 && width < 1)) throw new RangeError(`goal width ${width} is not supported`);
    }
    this.minLoadPps = minLoadPps;
    this.maxLoadPps = maxLoadPps;
    this.maxIntLoad = findGridSize(minLoadPps, maxLoadPps, widths, qualityLower, qualityUpper);
  }

  /** Grid value of an integer load; at or below 0 it is min load, at or above the top it is max load. */
  intToFloat(intLoad: number): number {
    if (intLoad <= 0) return this.minLoadPps;
    if (intLoad >= this.maxIntLoad) return this.maxLoadPps;
    const found = this.descend((midInt) => intLoad - midInt);
    if (found.exact === null) throw new Error(`grid bisection failed for integer load ${intLoad}`);
    return found.exact.load;
  }

  /** Largest grid index whose value does not exceed the load (0 at or below min, top at or above max). */
  floatToInt(loadPps: number): number {
    if (loadPps <= this.minLoadPps) return 0;
    if (loadPps >= this.maxLoadPps) return this.maxIntLoad;
    const found = this.descend((_midInt, midLoad) => loadPps - midLoad);
    return found.exact === null ? found.loInt : found.exact.int;
  }

  /**
   * Walk the tree from the root interval: `direction` > 0 goes up, < 0 down, 0 stops at
   * that node. Ends at a node (exact) or between two neighbouring grid indices (loInt).
   */
  private descend(direction: (midInt: number, midLoad: number) => number): { exact: { int: number; load: number } | null; loInt: number } {
    let loInt = 0;
    let hiInt = this.maxIntLoad;
    let loLoad = this.minLoadPps;
    let hiLoad = this.maxLoadPps;
    while (hiInt - loInt >= 2) {
      const midInt = Math.floor((hiInt + loInt) / 2);
      const midLoad = this.nodeLoad(midInt, loInt, hiInt, loLoad, hiLoad);
      const step = direction(midInt, midLoad);
      if (step > 0) {
        loInt = midInt;
        loLoad = midLoad;
      } else if (step < 0) {
        hiInt = midInt;
        hiLoad = midLoad;
      } else {
        return { exact: { int: midInt, load: midLoad }, loInt };
      }
    }
    return { exact: null, loInt };
  }

  private nodeLoad(midInt: number, loInt: number, hiInt: number, loLoad: number, hiLoad: number): number {
    const cached = this.nodeLoads.get(midInt);
    if (cached !== undefined) return cached;
    let logCoefficient = Math.log(hiLoad) - Math.log(loLoad);
    logCoefficient *= (midInt - loInt) / (hiInt - loInt);
    const midLoad = loLoad * Math.exp(logCoefficient);
    this.nodeLoads.set(midInt, midLoad);
    return midLoad;
  }
}

/**
 * The smallest grid size N found by CSIT's increasing search (with jumps) at which
 * every goal width is close to, but not above, a whole number of grid units.
 */
function findGridSize(
  minLoadPps: number,
  maxLoadPps: number,
  sortedWidths: readonly number[],
  qualityLower: number,
  qualityUpper: number,
): number {
  const minMaxLogWidth = Math.log(maxLoadPps) - Math.log(minLoadPps);
  const logGoals = sortedWidths.map((width) => -Math.log1p(-width));
  let candidate = 1;
  for (;;) {
    const logWidthUnit = minMaxLogWidth / candidate;
    const nextTries = [candidate + 1];
    let acceptable = true;
    for (const logGoal of logGoals) {
      const units = logGoal / logWidthUnit;
      const intUnits = Math.floor(units);
      const quality = intUnits / units;
      if (!(qualityLower <= quality && quality <= qualityUpper)) {
        acceptable = false;
        const target = (intUnits + 1) / qualityUpper;
        nextTries.push((target / units) * candidate);
      }
    }
    if (acceptable) return candidate;
    candidate = Math.ceil(Math.max(...nextTries));
  }
}
