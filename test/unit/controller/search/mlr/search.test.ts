import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../../common/clock.js";
import { withVirtualTime } from "../../../../../controller/measurers/virtual-time.js";
import { makeTrialResult, type Measurer } from "../../../../../controller/search/measurer.js";
import { compileConfig, compileGoal } from "../../../../../controller/search/mlr/goal.js";
import { presetGoals } from "../../../../../controller/search/mlr/presets.js";
import { mlrSearch } from "../../../../../controller/search/mlr/search.js";

/** A noiseless device that forwards at most `mrrPps`. */
function limitDevice(mrrPps: number, overheadS = 0): Measurer {
  return {
    measure: async ({ durationS, loadPps }) => {
      const offeredCount = Math.floor(loadPps * durationS);
      const forwardedCount = Math.min(offeredCount, Math.floor(mrrPps * durationS));
      return makeTrialResult({ durationS, loadPps, offeredCount, forwardedCount, durationWithOverheadsS: durationS + overheadS });
    },
  };
}

const ndrPdr = (extra: { searchDurationMaxS?: number; warmupDurationS?: number } = {}) =>
  compileConfig({ goals: presetGoals("csit-ndrpdr").map((goal) => compileGoal(goal)), minLoadPps: 9001, maxLoadPps: 1.488e7, ...extra });

async function run(config = ndrPdr(), measurer = limitDevice(5e6), signal?: AbortSignal) {
  const clock = new VirtualClock();
  return mlrSearch(config, withVirtualTime(measurer, clock), { clock, ...(signal && { signal }) });
}

describe("mlrSearch", () => {
  it("brackets a hard limit within the goal width, NDR below PDR", async () => {
    const outcome = await run();
    expect(outcome.error).toBeNull();
    const [ndr, pdr] = outcome.goals;
    expect(ndr?.regular).toBe(true);
    expect(ndr?.relevantLowerBoundPps).toBeLessThanOrEqual(5e6);
    expect(ndr?.relevantUpperBoundPps).toBeGreaterThan(5e6);
    expect(1 - (ndr?.relevantLowerBoundPps ?? 0) / (ndr?.relevantUpperBoundPps ?? 1)).toBeLessThanOrEqual(0.005);
    expect(pdr?.relevantLowerBoundPps).toBeGreaterThanOrEqual(ndr?.relevantLowerBoundPps ?? Infinity);
    expect(pdr?.relevantLowerBoundPps).toBeLessThanOrEqual(5e6 / (1 - 0.005));
  });

  it("reports progress through onTrial, in order", async () => {
    const seen: number[] = [];
    const clock = new VirtualClock();
    const outcome = await mlrSearch(ndrPdr(), withVirtualTime(limitDevice(3e6), clock), { clock, onTrial: (trial) => seen.push(trial.index) });
    expect(seen).toEqual(outcome.trials.map((trial) => trial.index));
    expect(seen[0]).toBe(1);
  });

  it("fails with a timeout once the effective-seconds budget is spent, keeping what it knows", async () => {
    const outcome = await run(ndrPdr({ searchDurationMaxS: 10 }));
    expect(outcome.error?.code).toBe("SEARCH_TIMEOUT");
    expect(outcome.error?.message).toMatch(/takes too long: over 10 s after \d+ trials; raise --search-duration-max/);
    expect(outcome.trials.reduce((sum, trial) => sum + trial.result.durationWithOverheadsS, 0)).toBeGreaterThanOrEqual(10);
    expect(outcome.goals).toHaveLength(2);
  });

  it("fails fast when min load is already an upper bound", async () => {
    const outcome = await run(ndrPdr(), limitDevice(5000));
    expect(outcome.error?.code).toBe("SEARCH_NO_LOWER_BOUND");
    expect(outcome.error?.context["loadPps"]).toBe(9001);
    expect(outcome.goals[0]?.relevantUpperBoundPps).toBe(9001);
    expect(outcome.goals[0]?.relevantLowerBoundPps).toBeNull();
  });

  it("reports max load as an irregular lower bound when nothing is lost there", async () => {
    const outcome = await run(ndrPdr(), limitDevice(2e7));
    expect(outcome.error).toBeNull();
    expect(outcome.goals[0]).toMatchObject({ relevantLowerBoundPps: 1.488e7, relevantUpperBoundPps: null, regular: false, conditionalThroughputPps: 1.488e7 });
  });

  it("discards the warm-up trial's result but reports it", async () => {
    const withWarmup = await run(ndrPdr({ warmupDurationS: 2 }));
    const without = await run(ndrPdr());
    expect(withWarmup.trials[0]?.warmup).toBe(true);
    expect(withWarmup.trials[0]?.result.durationS).toBe(2);
    expect(withWarmup.trials.slice(1).map((t) => t.result.loadPps)).toEqual(without.trials.map((t) => t.result.loadPps));
    expect(withWarmup.goals).toEqual(without.goals);
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    let count = 0;
    const measurer: Measurer = {
      measure: async (request, signal) => {
        count += 1;
        if (count === 3) controller.abort(new Error("operator pressed Ctrl-C"));
        return limitDevice(5e6).measure(request, signal);
      },
    };
    await expect(run(ndrPdr(), measurer, controller.signal)).rejects.toThrow(/Ctrl-C/);
    expect(count).toBe(3);
  });

  it("rejects a measurer that answers for another load", async () => {
    const liar: Measurer = { measure: async ({ durationS, loadPps }) => limitDevice(5e6).measure({ durationS, loadPps: loadPps * 0.5 }) };
    await expect(run(ndrPdr(), liar)).rejects.toMatchObject({ code: "MEASURER_MISMATCH" });
  });
});
