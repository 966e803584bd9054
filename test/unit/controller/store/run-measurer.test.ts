import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../common/clock.js";
import { createDevice } from "../../../../common/devices/create.js";
import { createSimulatedMeasurer } from "../../../../controller/measurers/simulated.js";
import { withVirtualTime } from "../../../../controller/measurers/virtual-time.js";
import type { Measurer } from "../../../../controller/search/measurer.js";
import { compileConfig, compileGoal } from "../../../../controller/search/mlr/goal.js";
import { presetGoals } from "../../../../controller/search/mlr/presets.js";
import { mlrSearch, type MlrOutcome } from "../../../../controller/search/mlr/search.js";
import { createRunMeasurer, mlrResultInputs, openStore } from "../../../../controller/store/index.js";
import { errorOf } from "./support/errors.js";
import { fixedClock, tempStorePath, throughputRun } from "./support/temp-store.js";

const config = compileConfig({ goals: presetGoals("csit-ndrpdr").map((goal) => compileGoal(goal)), maxLoadPps: 1.488e7, warmupDurationS: 1 });

/** A noiseless hard device (deterministic) that counts its trials and can be told to die at trial n. */
function device(dieAtTrial = Infinity): { measurer: Measurer; calls: () => number } {
  const inner = createSimulatedMeasurer({ device: createDevice({ kind: "hard", mrrPps: 1e7, noise: 0 }), overheadS: 0.5 });
  let calls = 0;
  return {
    calls: () => calls,
    measurer: {
      measure: (request, signal) => {
        calls++;
        if (calls >= dieAtTrial) return Promise.reject(new Error("controller killed"));
        return inner.measure(request, signal);
      },
    },
  };
}

async function searchOnStore(file: string, runId: number, live: Measurer): Promise<{ outcome: MlrOutcome; replayed: number }> {
  const store = openStore(file, { clock: fixedClock() });
  try {
    store.markRunStarted(runId, { testbed: "sim" });
    const clock = new VirtualClock();
    const measurer = createRunMeasurer(store, runId, live, { clock: fixedClock(), isWarmup: (index) => index === 1 });
    try {
      const outcome = await mlrSearch(config, withVirtualTime(measurer, clock), { clock });
      measurer.assertConsumed();
      store.markRunSucceeded(runId, mlrResultInputs(outcome.goals));
      return { outcome, replayed: measurer.replayedCount };
    } catch (error) {
      store.markRunInterrupted(runId);
      throw error;
    }
  } finally {
    store.close();
  }
}

describe("createRunMeasurer", () => {
  it("resumes an interrupted MLRsearch from its stored trials: same trials and result, none measured twice", async () => {
    const reference = await mlrSearch(config, withVirtualTime(device().measurer, new VirtualClock()), { clock: new VirtualClock() });
    const total = reference.trials.length;
    expect(total).toBeGreaterThan(8);

    const file = tempStorePath();
    const setup = openStore(file, { clock: fixedClock() });
    const campaign = setup.createCampaign({ name: "c", sourcePath: "/c.yaml", fileHash: "h" }, [throughputRun("throughput/hard-10M", 0)]);
    const runId = setup.runsOf(campaign.id)[0]?.id ?? -1;
    setup.close();

    const dying = device(7);
    await expect(searchOnStore(file, runId, dying.measurer)).rejects.toThrow("controller killed");
    const afterCrash = openStore(file, { mode: "inspect" });
    expect(afterCrash.trialsOf(runId).map((trial) => trial.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(afterCrash.run(runId)?.status).toBe("interrupted");
    afterCrash.close();

    const resumed = device();
    const { outcome, replayed } = await searchOnStore(file, runId, resumed.measurer);
    expect(replayed).toBe(6);
    expect(resumed.calls()).toBe(total - 6);
    expect(outcome.goals).toEqual(reference.goals);
    expect(outcome.trials.map((trial) => trial.result)).toEqual(reference.trials.map((trial) => trial.result));

    const done = openStore(file, { mode: "inspect" });
    try {
      const trials = done.trialsOf(runId);
      expect(trials.map((trial) => trial.index)).toEqual(reference.trials.map((trial) => trial.index));
      expect(trials.map((trial) => trial.result)).toEqual(reference.trials.map((trial) => trial.result));
      expect(trials.map((trial) => trial.warmup)).toEqual(reference.trials.map((trial) => trial.warmup));
      expect(done.run(runId)).toMatchObject({ status: "succeeded", attempts: 2 });
      expect(done.resultsOf(runId).map((result) => result.goalName)).toEqual(["NDR", "PDR"]);
    } finally {
      done.close();
    }
  });

  it("needs a known, running run", () => {
    const store = openStore(tempStorePath(), { clock: fixedClock() });
    try {
      const campaign = store.createCampaign({ name: "c", sourcePath: "/c.yaml", fileHash: "h" }, [throughputRun("exp", 0)]);
      const runId = store.runsOf(campaign.id)[0]?.id ?? -1;
      const pending = errorOf(() => createRunMeasurer(store, runId, device().measurer, { clock: fixedClock() }));
      expect(pending.code).toBe("STORE_RUN_STATE_INVALID");
      expect(pending.message).toContain("it is pending; mark it started");
      expect(errorOf(() => createRunMeasurer(store, 99, device().measurer, { clock: fixedClock() })).code).toBe("STORE_RUN_UNKNOWN");
    } finally {
      store.close();
    }
  });
});
