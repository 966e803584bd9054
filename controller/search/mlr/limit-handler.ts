/**
 * Keeps candidate loads away from the limits and from existing bounds (CSIT LimitHandler):
 * a load closer than one width to min/max load is rounded onto the limit; one closer
 * than a width to a bound is moved a width away (or to the middle of a narrow interval).
 * Returns null when the interval is already narrow enough.
 */
import type { DebugFn } from "./debug.js";
import { DiscreteLoad, type DiscreteWidth } from "./discrete.js";
import { DiscreteInterval } from "./discrete-interval.js";
import type { LoadRounding } from "./load-rounding.js";

export class LimitHandler {
  readonly minLoad: DiscreteLoad;
  readonly maxLoad: DiscreteLoad;

  constructor(rounding: LoadRounding, private readonly debug: DebugFn) {
    this.minLoad = DiscreteLoad.fromFloat(rounding, rounding.minLoadPps);
    this.maxLoad = DiscreteLoad.fromFloat(rounding, rounding.maxLoadPps);
  }

  handle(rawLoad: DiscreteLoad, width: DiscreteWidth, clo: DiscreteLoad | null, chi: DiscreteLoad | null): DiscreteLoad | null {
    const load = rawLoad.roundedDown();
    if (clo && !clo.isRound) throw new Error(`clo ${clo} should have been round`);
    if (chi && !chi.isRound) throw new Error(`chi ${chi} should have been round`);
    if (!clo && !chi) return this.withExcludes(load, width, this.minLoad, this.maxLoad, false, false);
    if (chi && !clo) {
      if (chi.le(this.minLoad)) return null;
      if (load.ge(chi)) return null;
      return this.withExcludes(load, width, this.minLoad, chi, false, true);
    }
    if (clo && !chi) {
      if (clo.ge(this.maxLoad)) throw new Error("lower load expected");
      if (load.le(clo)) throw new Error("higher load expected");
      return this.withExcludes(load, width, clo, this.maxLoad, true, false);
    }
    if (!clo || !chi || !(clo.lt(load) && load.lt(chi))) return null;
    return this.withExcludes(load, width, clo, chi, true, true);
  }

  private withExcludes(
    load: DiscreteLoad,
    width: DiscreteWidth,
    minimum: DiscreteLoad,
    maximum: DiscreteLoad,
    minExcluded: boolean,
    maxExcluded: boolean,
  ): DiscreteLoad | null {
    if (!(minimum.le(load) && load.le(maximum))) throw new Error(`load ${load} outside limits ${minimum} .. ${maximum}`);
    const maxWidth = maximum.widthFrom(minimum);
    if (width.ge(maxWidth)) {
      this.debug("Warning: handling called with wide width.");
      if (!minExcluded) return minimum;
      if (!maxExcluded) return maximum;
      this.debug("Both limits excluded, narrow enough.");
      return null;
    }
    let softMin = minimum.plus(width);
    let softMax = maximum.minus(width);
    if (softMin.gt(softMax)) {
      this.debug("Whole interval is less than two goals.");
      softMin = softMax = new DiscreteInterval(minimum, maximum).middle(width);
    }
    if (load.lt(softMin)) return minExcluded ? softMin : minimum;
    if (load.gt(softMax)) return maxExcluded ? softMax : maximum;
    return load;
  }
}
