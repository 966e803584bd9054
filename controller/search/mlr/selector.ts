/**
 * One selector per goal: it walks the goal's targets from coarsest to final and, each
 * round, nominates one candidate trial from the first strategy that has one.
 */
import type { BoundStat, MeasurementDatabase, RelevantBounds } from "./database.js";
import type { DebugFn } from "./debug.js";
import type { DiscreteLoad, DiscreteWidth } from "./discrete.js";
import { TargetedExpander, type GlobalWidth } from "./expander.js";
import type { LimitHandler } from "./limit-handler.js";
import { BisectStrategy } from "./strategies/bisect.js";
import { ExtendHiStrategy, ExtendLoStrategy } from "./strategies/extend.js";
import { HalveStrategy } from "./strategies/halve.js";
import { RefineHiStrategy, RefineLoStrategy } from "./strategies/refine.js";
import type { Strategy, StrategyContext } from "./strategies/strategy.js";
import { describeTarget, type TargetSpec } from "./target.js";
import { noLowerBoundError } from "./search-errors.js";

/** Strategy constructors in decreasing priority. */
const strategyClasses = [HalveStrategy, RefineLoStrategy, RefineHiStrategy, ExtendLoStrategy, ExtendHiStrategy, BisectStrategy];

export interface SelectorNomination {
  readonly load: DiscreteLoad | null;
  readonly durationS: number;
  readonly width: DiscreteWidth | null;
}

export class Selector {
  private readonly targetStack: TargetSpec[];
  private currentTarget: TargetSpec;
  private strategies: Strategy[] = [];
  private currentStrategy: Strategy | null = null;
  private bounds: RelevantBounds = { clo: null, chi: null };

  constructor(
    finalTarget: TargetSpec,
    private readonly globalWidth: GlobalWidth,
    private initialLowerLoad: DiscreteLoad | null,
    private initialUpperLoad: DiscreteLoad | null,
    private readonly database: MeasurementDatabase,
    private readonly handler: LimitHandler,
    private readonly debug: DebugFn,
  ) {
    this.targetStack = [finalTarget];
    for (let target = finalTarget.preceding; target; target = target.preceding) this.targetStack.push(target);
    this.currentTarget = this.popTarget();
    this.recreateStrategies();
  }

  nominate(): SelectorNomination {
    this.updateBounds();
    this.currentStrategy = null;
    for (;;) {
      for (const strategy of this.strategies) {
        const nomination = strategy.nominate(this.bounds);
        if (nomination) {
          this.currentStrategy = strategy;
          return { load: nomination.load, durationS: this.currentTarget.trialDurationS, width: nomination.width };
        }
      }
      if (!this.bounds.clo && !this.bounds.chi) throw new Error("internal error: no relevant bound at all");
      if (this.targetStack.length === 0) {
        if (!this.bounds.clo && this.currentTarget.failFast) throw noLowerBoundError(this.currentTarget, this.bounds.chi as BoundStat);
        this.debug(`Goal ${describeTarget(this.currentTarget)} reached: ${boundsText(this.bounds)}`);
        return { load: null, durationS: this.currentTarget.trialDurationS, width: null };
      }
      this.currentTarget = this.popTarget();
      this.initialLowerLoad = this.bounds.clo ? this.bounds.clo.load.roundedDown() : null;
      this.initialUpperLoad = this.bounds.chi ? this.bounds.chi.load.roundedDown() : null;
      this.updateBounds();
      this.recreateStrategies();
    }
  }

  won(load: DiscreteLoad): void {
    this.updateBounds();
    if (!this.currentStrategy) throw new Error("internal error: a selector won without a nomination");
    this.currentStrategy.won(this.bounds, load);
  }

  private popTarget(): TargetSpec {
    const target = this.targetStack.pop();
    if (!target) throw new Error("internal error: empty target stack");
    return target;
  }

  private updateBounds(): void {
    this.bounds = this.database.relevantBounds(this.currentTarget);
  }

  private recreateStrategies(): void {
    const target = this.currentTarget;
    const context: StrategyContext = {
      target,
      expander: new TargetedExpander(target, this.globalWidth, this.initialLowerLoad, this.initialUpperLoad),
      initialLowerLoad: this.initialLowerLoad,
      initialUpperLoad: this.initialUpperLoad,
      handler: this.handler,
      debug: (text) => this.debug(`Target ${describeTarget(target)}: ${text}`),
    };
    this.strategies = strategyClasses.map((StrategyClass) => new StrategyClass(context));
    this.currentStrategy = null;
    this.debug(`Created strategies for: ${describeTarget(target)}`);
  }
}

function boundsText(bounds: RelevantBounds): string {
  return `clo=${bounds.clo?.load.intLoad ?? "none"},chi=${bounds.chi?.load.intLoad ?? "none"}`;
}
