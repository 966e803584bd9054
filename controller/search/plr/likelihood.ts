/**
 * The log-likelihood of the trial results at one parameter point. As in CSIT's code (its docs say
 * Poisson), each trial's loss count k is geometric with mean
 *   lambda = exp(lfit(load)) * offeredCount / load
 * (the fitted loss rate scaled to the packets actually sent), so
 *   log P(k) = -k * log(1 + 1/lambda) - log(1 + lambda),
 * summed over trials. With a = log(lambda), both logs share log1p(exp(-|a|)): one exp and one
 * log1p per trial, besides the fitting function.
 */
import type { FittingFunction } from "../../../common/devices/fitting.js";
import { numericError } from "./errors.js";
import type { TrialTable } from "./trial-table.js";

export function logLikelihood(lfit: FittingFunction, trials: TrialTable, mrrPps: number, spreadPps: number): number {
  const { count, loadPps, logOfferedPerLoad, lossCount } = trials;
  let sum = 0;
  for (let index = 0; index < count; index += 1) {
    const logMean = lfit(loadPps[index] as number, mrrPps, spreadPps) + (logOfferedPerLoad[index] as number);
    const shared = Math.log1p(Math.exp(-Math.abs(logMean)));
    const logOnePlusInverse = (logMean < 0 ? -logMean : 0) + shared;
    const logOnePlusMean = (logMean > 0 ? logMean : 0) + shared;
    sum -= (lossCount[index] as number) * logOnePlusInverse + logOnePlusMean;
  }
  if (Number.isNaN(sum)) throw numericError("the trial log-likelihood is not a number", { mrrPps, spreadPps, trials: count });
  return sum;
}
