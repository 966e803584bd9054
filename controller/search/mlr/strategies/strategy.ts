/** What every selection strategy shares (CSIT StrategyBase). */
import type { RelevantBounds } from "../database.js";
import type { DebugFn } from "../debug.js";
import type { DiscreteLoad, DiscreteWidth } from "../discrete.js";
import { DiscreteInterval } from "../discrete-interval.js";
import type { TargetedExpander } from "../expander.js";
import type { LimitHandler } from "../limit-handler.js";
import type { TargetSpec } from "../target.js";

export interface Nomination {
  readonly load: DiscreteLoad;
  readonly width: DiscreteWidth;
}

export interface StrategyContext {
  readonly target: TargetSpec;
  readonly expander: TargetedExpander;
  /** The preceding target's relevant bounds (or the initial trials' loads), rounded down. */
  readonly initialLowerLoad: DiscreteLoad | null;
  readonly initialUpperLoad: DiscreteLoad | null;
  readonly handler: LimitHandler;
  readonly debug: DebugFn;
}

export interface Strategy {
  nominate(bounds: RelevantBounds): Nomination | null;
  /** Called after the nominated trial was measured, with the bounds that include it. */
  won(bounds: RelevantBounds, load: DiscreteLoad): void;
}

/** A load is not worth measuring when it is at or outside the bounds, or they are within one width. */
export function notWorth(context: StrategyContext, bounds: RelevantBounds, load: DiscreteLoad): boolean {
  if (bounds.clo && bounds.clo.load.ge(load)) return true;
  if (bounds.chi && bounds.chi.load.le(load)) return true;
  if (bounds.clo && bounds.chi) {
    const widthInGoals = new DiscreteInterval(bounds.clo.load, bounds.chi.load).widthInGoals(context.target.width);
    if (widthInGoals <= 1) return true;
  }
  return false;
}
