/**
 * RFC 2544 section 26.1 throughput by binary search: the baseline MLRsearch is compared against.
 *
 * Trial at maxLoadPps; if it passes (trial loss ratio <= goal), the throughput is max and there is
 * no upper bound (irregular). Otherwise bisect between the highest passing load (lower) and the
 * lowest failing one (upper) until (upper - lower) / upper <= relativeResolution. While no load has
 * passed, minLoadPps stands in for the lower end; minLoadPps itself is measured only when the
 * interval has shrunk to the resolution without a measured lower bound. If it fails, the search
 * ends with SEARCH_NO_LOWER_BOUND.
 *
 * Pure: the search reads time only from the injected Clock (for searchDurationMaxS) and advances
 * nothing itself; a simulated measurer with a VirtualClock moves the clock per trial.
 */
import type { Clock } from "../../../common/clock.js";
import { TestbenchError } from "../../../common/errors.js";
import type { Measurer, TrialResult } from "../measurer.js";
import { lossRatio } from "../measurer.js";
import type { Rfc2544Config, Rfc2544Options } from "./options.js";
import { compileRfc2544Options } from "./options.js";

export interface Rfc2544SearchParams {
  readonly measurer: Measurer;
  readonly clock: Clock;
  readonly options: Rfc2544Options;
  readonly signal?: AbortSignal;
  readonly debug?: (message: string) => void;
}

export interface Rfc2544Result {
  /** The highest load that passed: the lower bound (max load when it passed). */
  readonly throughputPps: number;
  readonly lowerBoundPps: number;
  /** The lowest load that failed; null when max load passed (irregular: no upper bound). */
  readonly upperBoundPps: number | null;
  readonly trials: readonly TrialResult[];
  /** Sum of the trials' intended durations. */
  readonly trialSecondsSum: number;
  /** Sum of the trials' durations with overheads (what the bench actually spent). */
  readonly effectiveSecondsSum: number;
}

interface Bounds {
  lowerPps: number | null;
  upperPps: number | null;
}

class Rfc2544Run {
  readonly trials: TrialResult[] = [];
  readonly bounds: Bounds = { lowerPps: null, upperPps: null };
  private readonly startS: number;

  constructor(
    private readonly params: Rfc2544SearchParams,
    readonly config: Rfc2544Config,
  ) {
    this.startS = params.clock.monotonicS();
  }

  /** Measure one load, record it, move the bounds; true when it passed. */
  async passes(loadPps: number): Promise<boolean> {
    const { measurer, signal, debug } = this.params;
    signal?.throwIfAborted();
    this.checkTimeout(loadPps);
    const result = await measurer.measure({ durationS: this.config.trialDurationS, loadPps }, signal);
    this.trials.push(result);
    const ratio = lossRatio(result);
    const passed = ratio <= this.config.lossRatio;
    if (passed) this.bounds.lowerPps = loadPps;
    else this.bounds.upperPps = loadPps;
    debug?.(
      `rfc2544 trial ${this.trials.length}: ${loadPps} pps for ${result.durationS} s, loss ratio ${ratio} ${passed ? "<=" : ">"} ${this.config.lossRatio}: ` +
        `${passed ? "pass" : "fail"}; bounds [${this.bounds.lowerPps ?? "none"}, ${this.bounds.upperPps ?? "none"}]`,
    );
    return passed;
  }

  private checkTimeout(nextLoadPps: number): void {
    const elapsedS = this.params.clock.monotonicS() - this.startS;
    const maxS = this.config.searchDurationMaxS;
    if (elapsedS <= maxS) return;
    throw new TestbenchError(
      "SEARCH_TIMEOUT",
      `RFC 2544 search timed out: ${elapsedS} s elapsed after ${this.trials.length} trials exceeds searchDurationMaxS ${maxS} s ` +
        `(next load would have been ${nextLoadPps} pps; bounds so far [${this.bounds.lowerPps ?? "none"}, ${this.bounds.upperPps ?? "none"}] pps). ` +
        `Raise searchDurationMaxS, shorten trialDurationS or coarsen relativeResolution.`,
      {
        context: {
          elapsedS,
          searchDurationMaxS: maxS,
          trialCount: this.trials.length,
          lowerBoundPps: this.bounds.lowerPps,
          upperBoundPps: this.bounds.upperPps,
        },
      },
    );
  }

  noLowerBound(loadPps: number): TestbenchError {
    const last = this.trials[this.trials.length - 1];
    const ratio = last === undefined ? null : lossRatio(last);
    return new TestbenchError(
      "SEARCH_NO_LOWER_BOUND",
      `RFC 2544 search found no lower bound: the minimum load ${loadPps} pps failed (loss ratio ${ratio} > ${this.config.lossRatio}). ` +
        `Lower minLoadPps or check the device under test.`,
      { context: { loadPps, lossRatio: ratio, goalLossRatio: this.config.lossRatio, trialCount: this.trials.length } },
    );
  }

  result(lowerPps: number): Rfc2544Result {
    let trialSecondsSum = 0;
    let effectiveSecondsSum = 0;
    for (const trial of this.trials) {
      trialSecondsSum += trial.durationS;
      effectiveSecondsSum += trial.durationWithOverheadsS;
    }
    return Object.freeze({
      throughputPps: lowerPps,
      lowerBoundPps: lowerPps,
      upperBoundPps: this.bounds.upperPps,
      trials: Object.freeze([...this.trials]),
      trialSecondsSum,
      effectiveSecondsSum,
    });
  }
}

/** Run the search to completion; rejects with SEARCH_TIMEOUT, SEARCH_NO_LOWER_BOUND, the signal's reason or a measurer error. */
export async function runRfc2544Search(params: Rfc2544SearchParams): Promise<Rfc2544Result> {
  const config = compileRfc2544Options(params.options);
  const run = new Rfc2544Run(params, config);
  const { minLoadPps, maxLoadPps, relativeResolution } = config;
  if (await run.passes(maxLoadPps)) return run.result(maxLoadPps);
  for (;;) {
    const upperPps = run.bounds.upperPps ?? maxLoadPps;
    const measuredLowerPps = run.bounds.lowerPps;
    const lowerPps = measuredLowerPps ?? minLoadPps;
    if ((upperPps - lowerPps) / upperPps <= relativeResolution) {
      if (measuredLowerPps !== null) return run.result(measuredLowerPps);
      if (await run.passes(minLoadPps)) return run.result(minLoadPps);
      throw run.noLowerBound(minLoadPps);
    }
    await run.passes((lowerPps + upperPps) / 2);
  }
}
