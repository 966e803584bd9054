import type { RelevantBounds } from "../database.js";
import type { DiscreteLoad } from "../discrete.js";
import { notWorth, type Nomination, type Strategy, type StrategyContext } from "./strategy.js";

/** Re-measure one of the initial loads (the preceding target's bounds) for the new target. */
class RefineStrategy implements Strategy {
  constructor(
    private readonly context: StrategyContext,
    private readonly side: "lower" | "upper",
  ) {}

  nominate(bounds: RelevantBounds): Nomination | null {
    const load: DiscreteLoad | null = this.side === "lower" ? this.context.initialLowerLoad : this.context.initialUpperLoad;
    if (!load || notWorth(this.context, bounds, load)) return null;
    this.context.debug(`${this.side === "lower" ? "Lowerbound" : "Upperbound"} refinement available: ${load}`);
    this.context.expander.limit(this.context.target.width);
    return { load, width: this.context.target.width };
  }

  won(): void {}
}

export class RefineLoStrategy extends RefineStrategy {
  constructor(context: StrategyContext) {
    super(context, "lower");
  }
}

export class RefineHiStrategy extends RefineStrategy {
  constructor(context: StrategyContext) {
    super(context, "upper");
  }
}
