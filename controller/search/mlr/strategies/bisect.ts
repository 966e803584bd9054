import type { RelevantBounds } from "../database.js";
import { minWidth, type DiscreteLoad } from "../discrete.js";
import { DiscreteInterval } from "../discrete-interval.js";
import { notWorth, type Nomination, type Strategy, type StrategyContext } from "./strategy.js";

/**
 * Both bounds known and wider than the target: bisect (unevenly, see DiscreteInterval.middle),
 * unless an external step back towards the initial bounds looks cheaper ("conditional
 * external search": when a bound moved away from where the preceding target had it).
 */
export class BisectStrategy implements Strategy {
  private expandOnClo = false;
  private expandOnChi = false;

  constructor(private readonly context: StrategyContext) {}

  nominate(bounds: RelevantBounds): Nomination | null {
    const { handler, target, expander } = this.context;
    if (!bounds.clo || bounds.clo.load.ge(handler.maxLoad)) return null;
    if (!bounds.chi || bounds.chi.load.le(handler.minLoad)) return null;
    const interval = new DiscreteInterval(bounds.clo.load, bounds.chi.load);
    if (interval.widthInGoals(target.width) <= 1) return null;
    const bisectLoad = interval.middle(target.width);
    const down = this.extendLo(bounds, bisectLoad);
    if (down) {
      [this.expandOnClo, this.expandOnChi] = [false, true];
      this.context.debug(`Preferring to extend down: ${down.load}`);
      return down;
    }
    const up = this.extendHi(bounds, bisectLoad);
    if (up) {
      [this.expandOnClo, this.expandOnChi] = [true, false];
      this.context.debug(`Preferring to extend up: ${up.load}`);
      return up;
    }
    if (notWorth(this.context, bounds, bisectLoad)) return null;
    [this.expandOnClo, this.expandOnChi] = [false, false];
    this.context.debug(`Preferring to bisect: ${bisectLoad}`);
    const widthLo = new DiscreteInterval(bounds.clo.load, bisectLoad).width;
    const widthHi = new DiscreteInterval(bisectLoad, bounds.chi.load).width;
    const width = minWidth(widthLo, widthHi);
    expander.limit(width);
    return { load: bisectLoad, width };
  }

  won(bounds: RelevantBounds, load: DiscreteLoad): void {
    if (this.expandOnClo && load.eq(bounds.clo?.load)) this.context.expander.expand();
    else if (this.expandOnChi && load.eq(bounds.chi?.load)) this.context.expander.expand();
  }

  private extendLo(bounds: RelevantBounds, bisectLoad: DiscreteLoad): Nomination | null {
    const { initialUpperLoad, expander, handler, target } = this.context;
    if (!initialUpperLoad || !bounds.clo || !bounds.chi) return null;
    if (bisectLoad.ge(initialUpperLoad)) return null;
    const width = expander.width();
    const load = handler.handle(bounds.chi.load.minus(width), target.width, bounds.clo.load, bounds.chi.load);
    if (!load || load.le(bisectLoad) || load.ge(initialUpperLoad)) return null;
    if (notWorth(this.context, bounds, load)) throw new Error(`load not worth measuring: ${load}`);
    return { load, width };
  }

  private extendHi(bounds: RelevantBounds, bisectLoad: DiscreteLoad): Nomination | null {
    const { initialLowerLoad, expander, handler, target } = this.context;
    if (!initialLowerLoad || !bounds.clo || !bounds.chi) return null;
    if (bisectLoad.le(initialLowerLoad)) return null;
    const width = expander.width();
    const load = handler.handle(bounds.clo.load.plus(width), target.width, bounds.clo.load, bounds.chi.load);
    if (!load || load.ge(bisectLoad) || load.le(initialLowerLoad)) return null;
    if (notWorth(this.context, bounds, load)) throw new Error(`load not worth measuring: ${load}`);
    return { load, width };
  }
}
