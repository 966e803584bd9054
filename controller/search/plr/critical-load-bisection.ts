/**
 * CSIT's critical-load search, as written there: bisect [minLoad, maxLoad] comparing
 * exp(lfit(mid)) / mid against the target until the ratio equals it or the midpoint equals an
 * end. About 52 fitting evaluations per call. The search uses Brent's method (critical-load.ts);
 * this one is the reference the tests compare it with and the baseline bench/plr.ts times.
 */
import { numericError } from "./errors.js";
import type { CriticalLoadFinder } from "./critical-load.js";

export const findCriticalLoadByBisection: CriticalLoadFinder = (lfit, minLoadPps, maxLoadPps, lossRatioTarget, mrrPps, spreadPps) => {
  let lowPps = minLoadPps;
  let highPps = maxLoadPps;
  let ratio = -1;
  let loadPps = (lowPps + highPps) / 2;
  while (ratio !== lossRatioTarget) {
    loadPps = (highPps + lowPps) / 2;
    if (loadPps === highPps || loadPps === lowPps) break;
    ratio = Math.exp(lfit(loadPps, mrrPps, spreadPps)) / loadPps;
    if (ratio > lossRatioTarget) highPps = loadPps;
    else if (ratio < lossRatioTarget) lowPps = loadPps;
    else if (Number.isNaN(ratio)) throw numericError("the fitting function is not a number", { loadPps, mrrPps, spreadPps });
  }
  return loadPps;
};
