/**
 * The two fitting functions' estimates combined into one (CSIT's _get_result). In log space:
 * the mean of the two averages, and the mean of the two pessimistic variances plus the square of
 * half their difference (disagreement counts as uncertainty). Back in pps: low = e^(a - s),
 * upp = e^(a + s), avg = (low + upp) / 2, stdev = avg - low. CSIT displays avg -+ stdev.
 */

export interface LogEstimate {
  readonly logAverage: number;
  readonly pessimisticVariance: number;
}

export interface CombinedEstimate {
  readonly avgPps: number;
  readonly stdevPps: number;
  /** avgPps - stdevPps. */
  readonly lowerPps: number;
  /** avgPps + stdevPps. */
  readonly upperPps: number;
  /** exp of the stretch function's log average alone: the load schedule uses both. */
  readonly stretchPps: number;
  readonly erfPps: number;
}

export function combineEstimates(stretch: LogEstimate, erf: LogEstimate): CombinedEstimate {
  const logAverage = (stretch.logAverage + erf.logAverage) / 2;
  const difference = stretch.logAverage - erf.logAverage;
  const logVariance = (stretch.pessimisticVariance + erf.pessimisticVariance) / 2 + (difference * difference) / 4;
  const logStdev = Math.sqrt(logVariance);
  const lowPps = Math.exp(logAverage - logStdev);
  const highPps = Math.exp(logAverage + logStdev);
  const avgPps = (lowPps + highPps) / 2;
  const stdevPps = avgPps - lowPps;
  return Object.freeze({
    avgPps,
    stdevPps,
    lowerPps: avgPps - stdevPps,
    upperPps: avgPps + stdevPps,
    stretchPps: Math.exp(stretch.logAverage),
    erfPps: Math.exp(erf.logAverage),
  });
}
