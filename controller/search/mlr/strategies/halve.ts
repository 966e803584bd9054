import type { RelevantBounds } from "../database.js";
import { DiscreteInterval } from "../discrete-interval.js";
import { notWorth, type Nomination, type Strategy, type StrategyContext } from "./strategy.js";

/** Halve the initial interval when it is between one and two target widths wide. */
export class HalveStrategy implements Strategy {
  constructor(private readonly context: StrategyContext) {}

  nominate(bounds: RelevantBounds): Nomination | null {
    const { initialLowerLoad, initialUpperLoad, target, expander } = this.context;
    if (!initialLowerLoad || !initialUpperLoad) return null;
    const interval = new DiscreteInterval(initialLowerLoad, initialUpperLoad);
    const widthInGoals = interval.widthInGoals(target.width);
    if (widthInGoals > 2 || widthInGoals <= 1) return null;
    const load = interval.middle(target.width);
    if (notWorth(this.context, bounds, load)) return null;
    this.context.debug(`Halving available: ${load}`);
    expander.limit(target.width);
    return { load, width: target.width };
  }

  won(): void {}
}
