/**
 * The critical load of one parameter point: the load in [minLoad, maxLoad] at which the fitting
 * function's mean loss ratio, exp(lfit(load)) / load, equals the target. Mean loss ratio grows with
 * load for both fitting functions, so there is at most one crossing; when the ratio is at or above
 * the target already at minLoad the answer is minLoad, when it stays below it up to maxLoad, maxLoad.
 *
 * CSIT bisects (critical-load-bisection.ts) until the midpoint stops moving: about 52 fitting
 * evaluations per sample. Brent's method (bracketing, with inverse quadratic interpolation and a
 * bisection fallback) reaches the same root to a few ulps in about 8-12, on
 *   g(load) = lfit(load) - log(load) - log(target),
 * which has the sign of (ratio - target) and is smooth in load.
 */
import type { FittingFunction } from "../../../common/devices/fitting.js";
import { numericError } from "./errors.js";

export type CriticalLoadFinder = (
  lfit: FittingFunction,
  minLoadPps: number,
  maxLoadPps: number,
  lossRatioTarget: number,
  mrrPps: number,
  spreadPps: number,
) => number;

const EPSILON = Number.EPSILON;
/** Brent converges in far fewer steps; the cap only guards against a misbehaving function. */
const MAX_EVALUATIONS = 200;

export const findCriticalLoadPps: CriticalLoadFinder = (lfit, minLoadPps, maxLoadPps, lossRatioTarget, mrrPps, spreadPps) => {
  const logTarget = Math.log(lossRatioTarget);
  const excess = (loadPps: number): number => {
    const value = lfit(loadPps, mrrPps, spreadPps) - Math.log(loadPps) - logTarget;
    if (Number.isNaN(value)) throw numericError("the fitting function is not a number", { loadPps, mrrPps, spreadPps });
    return value;
  };
  let a = minLoadPps;
  let fa = excess(a);
  if (fa >= 0) return a;
  let b = maxLoadPps;
  let fb = excess(b);
  if (fb <= 0) return b;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let evaluations = 2; evaluations < MAX_EVALUATIONS; evaluations += 1) {
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * EPSILON * Math.abs(b);
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= tolerance || fb === 0) return b;
    if (Math.abs(e) < tolerance || Math.abs(fa) <= Math.abs(fb)) {
      d = half;
      e = half;
    } else {
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      const previousE = e;
      e = d;
      if (2 * p < 3 * half * q - Math.abs(tolerance * q) && p < Math.abs(0.5 * previousE * q)) {
        d = p / q;
      } else {
        d = half;
        e = half;
      }
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tolerance ? d : half > 0 ? tolerance : -tolerance;
    fb = excess(b);
    if (fb > 0 === fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
  }
  return b;
};
