import { TestbenchError } from "../../../common/errors.js";
import type { BoundStat } from "./database.js";
import type { TargetSpec } from "./target.js";

/** Min load is an upper bound for a fail-fast goal: the device cannot meet the goal at any allowed load. */
export function noLowerBoundError(target: TargetSpec, chi: BoundStat): TestbenchError {
  const sums = chi.stat.sums();
  return new TestbenchError(
    "SEARCH_NO_LOWER_BOUND",
    `No lower bound: goal ${target.goalName} (loss ratio ${target.lossRatio}, exceed ratio ${target.exceedRatio}) ` +
      `fails already at ${chi.load.floatLoad} pps (good long ${sums.goodLongS} s, bad long ${sums.badLongS} s, ` +
      `good short ${sums.goodShortS} s, bad short ${sums.badShortS} s); lower --min-load or check the device under test`,
    {
      context: {
        goal: target.goalName,
        loadPps: chi.load.floatLoad,
        intLoad: chi.load.intLoad,
        goodLongS: sums.goodLongS,
        badLongS: sums.badLongS,
        goodShortS: sums.goodShortS,
        badShortS: sums.badShortS,
      },
    },
  );
}

export function searchTimeoutError(searchDurationMaxS: number, trials: number): TestbenchError {
  return new TestbenchError(
    "SEARCH_TIMEOUT",
    `Optimized search takes too long: over ${searchDurationMaxS} s after ${trials} trials; raise --search-duration-max or widen the goals`,
    { context: { searchDurationMaxS, trials } },
  );
}
