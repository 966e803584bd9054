/**
 * One computation of the importance-sampling integrator (CSIT's Integrator.estimate_nd, two
 * dimensions). Each sample: draw a point around the focus, map it to (mrr, spread) by the prior,
 * weigh it by the trial likelihood, take log(critical load) as its value, update the focus
 * (without dominance) and add the value to the dual tracker with importance
 * logWeight + distance / 2 / scaleCoefficient, which undoes the focus density's preference.
 * Pure and synchronous: the caller decides when to stop through `control`.
 */
import { createSplitMix64 } from "../../../common/devices/rng.js";
import type { CriticalLoadFinder } from "./critical-load.js";
import { findCriticalLoadPps } from "./critical-load.js";
import { DualStatTracker, pessimisticVariance } from "./dual-stat-tracker.js";
import { fittingFunction } from "./fitting.js";
import { drawInsideUnitSquare } from "./focus-sampler.js";
import { FocusTracker } from "./focus-tracker.js";
import type { IntegrationEstimate, IntegrationJob } from "./integrator.js";
import { logLikelihood } from "./likelihood.js";
import { mrrFromUnit, spreadFromUnit } from "./prior.js";

export interface IntegrationControl {
  /** Asked before every sample with the count so far (also below minSamples, where it cannot stop). */
  shouldStop(samplesSoFar: number): boolean;
}

export const RUN_TO_MAX_SAMPLES: IntegrationControl = Object.freeze({ shouldStop: () => false });

/** Run one computation; the estimate's busyS is null (the caller times it if it can). */
export function runIntegration(
  job: IntegrationJob,
  control: IntegrationControl = RUN_TO_MAX_SAMPLES,
  findCriticalLoad: CriticalLoadFinder = findCriticalLoadPps,
): IntegrationEstimate {
  const { trials, minLoadPps, maxLoadPps, lossRatioTarget, scaleCoefficient, minSamples, maxSamples } = job;
  if (!(Number.isSafeInteger(minSamples) && minSamples >= 1 && maxSamples >= minSamples)) {
    throw new RangeError(`runIntegration needs an integer minSamples >= 1 and maxSamples >= minSamples, got ${minSamples} and ${maxSamples}`);
  }
  const lfit = fittingFunction(job.fitting);
  const rng = createSplitMix64(job.seed);
  const focus = FocusTracker.continuing(job.focus);
  const value = new DualStatTracker();
  const point = new Float64Array(2);
  let samples = 0;
  for (;;) {
    const stopRequested = control.shouldStop(samples);
    if (samples >= maxSamples || (stopRequested && samples >= minSamples)) break;
    drawInsideUnitSquare(rng, focus, scaleCoefficient, point);
    samples += 1;
    const x0 = point[0] as number;
    const x1 = point[1] as number;
    const mrrPps = mrrFromUnit(x0, maxLoadPps);
    const spreadPps = spreadFromUnit(x1, mrrPps);
    const logWeight = logLikelihood(lfit, trials, mrrPps, spreadPps);
    const logValue = Math.log(findCriticalLoad(lfit, minLoadPps, maxLoadPps, lossRatioTarget, mrrPps, spreadPps));
    const distance = focus.addWithoutDominance(x0, x1, logWeight);
    value.add(logValue, logWeight + distance / 2 / scaleCoefficient);
  }
  const stats = value.snapshot();
  return {
    fitting: job.fitting,
    value: stats,
    logAverage: stats.primary.average,
    pessimisticVariance: pessimisticVariance(stats),
    samples,
    focus: focus.snapshot(),
    busyS: null,
  };
}
