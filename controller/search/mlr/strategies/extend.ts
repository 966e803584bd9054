import type { RelevantBounds } from "../database.js";
import type { DiscreteLoad } from "../discrete.js";
import { notWorth, type Nomination, type Strategy, type StrategyContext } from "./strategy.js";

/** No lower bound yet: step down from the upper bound by the (expanding) external width. */
export class ExtendLoStrategy implements Strategy {
  constructor(private readonly context: StrategyContext) {}

  nominate(bounds: RelevantBounds): Nomination | null {
    const { handler, expander, target } = this.context;
    if (bounds.clo || !bounds.chi || bounds.chi.load.le(handler.minLoad)) return null;
    const width = expander.width();
    const load = handler.handle(bounds.chi.load.minus(width), target.width, null, bounds.chi.load);
    if (!load || notWorth(this.context, bounds, load)) return null;
    this.context.debug(`No clo, extending down: ${load}`);
    return { load, width };
  }

  /** Still no crossing (the measured load became the new upper bound): widen again. */
  won(bounds: RelevantBounds, load: DiscreteLoad): void {
    if (load.eq(bounds.chi?.load)) this.context.expander.expand();
  }
}

/** No upper bound yet: step up from the lower bound by the (expanding) external width. */
export class ExtendHiStrategy implements Strategy {
  constructor(private readonly context: StrategyContext) {}

  nominate(bounds: RelevantBounds): Nomination | null {
    const { handler, expander, target } = this.context;
    if (bounds.chi || !bounds.clo || bounds.clo.load.ge(handler.maxLoad)) return null;
    const width = expander.width();
    const load = handler.handle(bounds.clo.load.plus(width), target.width, bounds.clo.load, null);
    if (!load || notWorth(this.context, bounds, load)) return null;
    this.context.debug(`No chi, extending up: ${load}`);
    return { load, width };
  }

  won(bounds: RelevantBounds, load: DiscreteLoad): void {
    if (load.eq(bounds.clo?.load)) this.context.expander.expand();
  }
}
