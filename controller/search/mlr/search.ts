/**
 * MLRsearch (RFC 9971), faithful to CSIT MLRsearch 1.2.1: initial trials at max load and
 * the corrected forwarding rates, then a main loop where each goal's selector nominates
 * a trial and the lowest load is measured, until no selector nominates.
 *
 * Pure: trials go through the Measurer, time comes from the Clock (a virtual clock counts
 * effective trial seconds), and progress is reported through `debug` and `onTrial`.
 */
import type { Clock } from "../../../common/clock.js";
import { TestbenchError } from "../../../common/errors.js";
import type { Measurer, TrialResult } from "../measurer.js";
import { lossRatio, relativeForwardingRatePps } from "../measurer.js";
import { pickWinner, type Candidate } from "./candidate.js";
import { MeasurementDatabase } from "./database.js";
import { noDebug, type DebugFn } from "./debug.js";
import { DiscreteLoad, type DiscreteWidth } from "./discrete.js";
import { GlobalWidth } from "./expander.js";
import type { MlrConfig } from "./goal.js";
import { LimitHandler } from "./limit-handler.js";
import { LoadRounding } from "./load-rounding.js";
import { goalResultFrom, type GoalResult } from "./result.js";
import { searchTimeoutError } from "./search-errors.js";
import { Selector } from "./selector.js";
import { scaleTargets, type TargetScaling } from "./target.js";

export interface SearchTrial {
  /** 1-based, in measurement order. */
  readonly index: number;
  readonly warmup: boolean;
  readonly result: TrialResult;
}

export interface MlrOutcome {
  readonly goals: readonly GoalResult[];
  readonly trials: readonly SearchTrial[];
  /** Fail-fast ("no lower bound") or timeout; the goals then hold what was known. */
  readonly error: TestbenchError | null;
}

export interface SearchOptions {
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  readonly debug?: DebugFn;
  readonly onTrial?: (trial: SearchTrial) => void;
}

export async function mlrSearch(config: MlrConfig, measurer: Measurer, options: SearchOptions): Promise<MlrOutcome> {
  const run = new SearchRun(config, measurer, options);
  let error: TestbenchError | null = null;
  try {
    await run.execute();
  } catch (caught) {
    if (!(caught instanceof TestbenchError) || (caught.code !== "SEARCH_NO_LOWER_BOUND" && caught.code !== "SEARCH_TIMEOUT")) throw caught;
    error = caught;
  }
  return { goals: run.goalResults(), trials: run.trials, error };
}

class SearchRun {
  readonly trials: SearchTrial[] = [];
  private readonly debug: DebugFn;
  private readonly rounding: LoadRounding;
  private readonly handler: LimitHandler;
  private readonly scaling: TargetScaling;
  private database: MeasurementDatabase;

  constructor(
    private readonly config: MlrConfig,
    private readonly measurer: Measurer,
    private readonly options: SearchOptions,
  ) {
    this.debug = options.debug ?? noDebug;
    this.rounding = new LoadRounding({
      minLoadPps: config.minLoadPps,
      maxLoadPps: config.maxLoadPps,
      relativeWidths: config.goals.map((goal) => goal.relativeWidth),
    });
    this.handler = new LimitHandler(this.rounding, this.debug);
    this.scaling = scaleTargets(config.goals, this.rounding);
    this.database = new MeasurementDatabase(this.scaling.targets);
  }

  async execute(): Promise<void> {
    const stopS = this.options.clock.monotonicS() + this.config.searchDurationMaxS;
    const [load0, load1] = await this.initialTrials();
    await this.mainLoop(load0, load1, stopS);
  }

  goalResults(): GoalResult[] {
    return this.scaling.finalTargets.map((target) => goalResultFrom(target, this.database.relevantBounds(target)));
  }

  private async measure(durationS: number, load: DiscreteLoad, warmup = false): Promise<TrialResult> {
    if (!load.isRound) throw new Error(`internal error: told to measure an unrounded load ${load}`);
    this.options.signal?.throwIfAborted();
    this.debug(`Measuring at d=${durationS},il=${load.intLoad}`);
    const result = await this.measurer.measure({ durationS, loadPps: load.floatLoad }, this.options.signal);
    if (result.loadPps !== load.floatLoad || result.durationS !== durationS) {
      throw new TestbenchError("MEASURER_MISMATCH", `the measurer answered for ${result.durationS} s at ${result.loadPps} pps when asked for ${durationS} s at ${load.floatLoad} pps`, {
        context: { requestedLoadPps: load.floatLoad, resultLoadPps: result.loadPps },
      });
    }
    this.debug(`Measured lr=${lossRatio(result)}`);
    this.database.add(load, result);
    const trial: SearchTrial = { index: this.trials.length + 1, warmup, result };
    this.trials.push(trial);
    this.options.onTrial?.(trial);
    return result;
  }

  /** Returns the two loads that seed the selectors. */
  private async initialTrials(): Promise<[DiscreteLoad, DiscreteLoad]> {
    const maxLoad = this.handler.maxLoad;
    let ratio = Infinity;
    let durationS = 0;
    let width: DiscreteWidth | null = null;
    for (const target of this.scaling.targets) {
      if (target.preceding) continue;
      ratio = Math.min(ratio, target.lossRatio);
      durationS = Math.max(durationS, target.trialDurationS);
      if (!width || width.lt(target.width)) width = target.width;
    }
    if (!width) throw new Error("internal error: no initial target");
    if (this.config.warmupDurationS > 0) {
      this.debug("Warmup trial.");
      await this.measure(this.config.warmupDurationS, maxLoad, true);
      this.database = new MeasurementDatabase(this.scaling.targets);
    }
    const result0 = await this.measure(durationS, maxLoad);
    const correctedRfr = this.corrected(result0, ratio);
    if (correctedRfr.ge(maxLoad)) {
      this.debug("Small loss, no other initial trials are needed.");
      return [maxLoad, maxLoad];
    }
    const mrr = this.handler.handle(correctedRfr, width, null, maxLoad);
    if (!mrr) throw new Error("internal error: no load below max load");
    const result1 = await this.measure(durationS, mrr);
    let mrr2: DiscreteLoad | null;
    if (lossRatio(result1) > ratio) {
      mrr2 = this.handler.handle(this.corrected(result1, ratio), width, null, mrr);
    } else {
      mrr2 = this.handler.handle(mrr.plus(width), width, mrr, maxLoad);
    }
    if (!mrr2) {
      this.debug("Close enough, measuring at mrr2 is not needed.");
      return [mrr, mrr];
    }
    await this.measure(durationS, mrr2);
    return mrr2.lt(mrr) ? [mrr2, mrr] : [mrr, mrr2];
  }

  /** The forwarding rate corrected for the allowed loss, rounded down onto the grid. */
  private corrected(result: TrialResult, ratio: number): DiscreteLoad {
    return DiscreteLoad.fromFloat(this.rounding, relativeForwardingRatePps(result)).times(1 / (1 - ratio)).roundedDown();
  }

  private async mainLoop(load0: DiscreteLoad, load1: DiscreteLoad, stopS: number): Promise<void> {
    const globalWidth = new GlobalWidth(load1.widthFrom(load0));
    const selectors = this.scaling.finalTargets.map(
      (target) => new Selector(target, globalWidth, load0, load1, this.database, this.handler, this.debug),
    );
    while (this.options.clock.monotonicS() < stopS) {
      let winner: Candidate | null = null;
      selectors.forEach((selector, selectorIndex) => {
        winner = pickWinner({ ...selector.nominate(), selectorIndex }, winner);
      });
      const chosen = winner as Candidate | null;
      if (!chosen?.load) {
        this.debug("Search done.");
        return;
      }
      await this.measure(chosen.durationS, chosen.load);
      if (chosen.width) globalWidth.width = chosen.width;
      selectors[chosen.selectorIndex]?.won(chosen.load);
    }
    throw searchTimeoutError(this.config.searchDurationMaxS, this.trials.length);
  }
}
