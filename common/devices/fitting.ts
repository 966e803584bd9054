/**
 * PLRsearch's two fitting functions (FD.io CSIT): the natural logarithm of the average number of
 * packets lost per second when `loadPps` is offered to a device with parameters `mrrPps` (the
 * forwarding rate far above which every extra packet is lost) and `spreadPps` (the width of the
 * transition below mrr). Both are integrals from 0 to the load of a loss-probability curve:
 *
 * - stretch: the logistic curve 1 / (1 + exp((mrr - x) / spread));
 * - erf: CSIT's erfc-shaped curve (with CSIT's constants kept as they are).
 *
 * The branches follow CSIT's numerics so that the simulated devices reproduce the conformance
 * vectors. Where CSIT's formula cannot resolve the difference it takes (a load so small against
 * mrr or spread that chi and chi0 round to the same value), the integral is taken by the midpoint
 * rule on the curve itself, computed in the log domain: log(load) + log(curve(load / 2)).
 * Domain: finite loadPps > 0, mrrPps > 0, spreadPps > 0. Results are finite there.
 */
import { erfc, erfcx } from "./erfcx.js";
import { logMinus, logPlus } from "./log-domain.js";

const LOG_2 = Math.log(2);
const LOG_3 = Math.log(3);
/** CSIT's constant pow(acos(0), -0.5), i.e. sqrt(2 / pi). */
const XERFCX_LIMIT = Math.pow(Math.acos(0), -0.5);
/** Beyond chi = e^10 CSIT replaces log(XERFCX_LIMIT - chi * erfcx(chi)) by a power-law continuation. */
const CHI_APPROXIMATION_START = Math.exp(10);
const LOG_XERFCX_10 = Math.log(XERFCX_LIMIT - CHI_APPROXIMATION_START * erfcx(CHI_APPROXIMATION_START));
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);

export type FittingFunction = (loadPps: number, mrrPps: number, spreadPps: number) => number;

function stretchCsit(loadPps: number, mrrPps: number, spreadPps: number): number {
  const logSpread = Math.log(spreadPps);
  const chi = (loadPps - mrrPps) / spreadPps;
  const chi0 = -mrrPps / spreadPps;
  if (chi > 0) {
    return Math.log(loadPps - mrrPps + (logPlus(0, -chi) - logPlus(0, chi0)) * spreadPps);
  }
  // Below mrr: log(softplus(chi) - softplus(chi0)) by a short series, or directly when it does not settle.
  const twoPositive = logPlus(chi, 2 * chi0 - LOG_2);
  const twoNegative = logPlus(chi0, 2 * chi - LOG_2);
  if (twoPositive <= twoNegative) return logMinus(chi, chi0) + logSpread;
  const two = logMinus(twoPositive, twoNegative);
  const threePositive = logPlus(twoPositive, 3 * chi - LOG_3);
  const threeNegative = logPlus(twoNegative, 3 * chi0 - LOG_3);
  const three = logMinus(threePositive, threeNegative);
  if (two === three) return two + logSpread;
  return Math.log(logPlus(0, chi) - logPlus(0, chi0)) + logSpread;
}

function erfCsit(loadPps: number, mrrPps: number, spreadPps: number): number {
  // chi has the opposite sign to the stretch function's chi.
  const chi = (mrrPps - loadPps) / spreadPps;
  const chi0 = mrrPps / spreadPps;
  // CSIT multiplies erfcx(chi0) by chi (not chi0) here; kept, the vectors were made that way.
  const second = Math.log(XERFCX_LIMIT - chi * erfcx(chi0)) - chi0 * chi0;
  let intermediate: number;
  if (chi >= -1) {
    const first =
      (chi > CHI_APPROXIMATION_START ? LOG_XERFCX_10 + 2 * (Math.log(chi) - 10) : Math.log(XERFCX_LIMIT - chi * erfcx(chi))) - chi * chi;
    intermediate = logMinus(first, second);
  } else {
    const expFirst = (XERFCX_LIMIT + chi * erfcx(-chi)) * Math.exp(-chi * chi) - 2 * chi;
    intermediate = Math.log(expFirst - Math.exp(second));
  }
  return intermediate + Math.log(spreadPps) - Math.log(erfc(-chi0));
}

/** log of the stretch curve at x: -log(1 + exp((mrr - x) / spread)). */
function logStretchCurve(xPps: number, mrrPps: number, spreadPps: number): number {
  return -logPlus(0, (mrrPps - xPps) / spreadPps);
}

/** log of the erf curve at x, the derivative of exp(lfitErf): (erfc(c) + 2c(K - 1/sqrt(pi)) e^(-c^2)) / erfc(-chi0). */
function logErfCurve(xPps: number, mrrPps: number, spreadPps: number): number {
  const c = (mrrPps - xPps) / spreadPps;
  const excess = 2 * c * (XERFCX_LIMIT - ONE_OVER_SQRT_PI);
  const logNumerator = c >= 0 ? Math.log(erfcx(c) + excess) - c * c : Math.log(erfc(c) + excess * Math.exp(-c * c));
  return logNumerator - Math.log(erfc(-mrrPps / spreadPps));
}

function withMidpointFallback(csit: FittingFunction, logCurve: FittingFunction): FittingFunction {
  return (loadPps, mrrPps, spreadPps) => {
    const value = csit(loadPps, mrrPps, spreadPps);
    if (Number.isFinite(value)) return value;
    return Math.log(loadPps) + logCurve(loadPps / 2, mrrPps, spreadPps);
  };
}

/** Stretch (logistic) fitting function: log of average packets lost per second. */
export const lfitStretch: FittingFunction = withMidpointFallback(stretchCsit, logStretchCurve);

/** Erf fitting function: log of average packets lost per second. */
export const lfitErf: FittingFunction = withMidpointFallback(erfCsit, logErfCurve);
