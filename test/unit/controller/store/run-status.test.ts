import { describe, expect, it } from "vitest";
import { openStore, type Store } from "../../../../controller/store/index.js";
import { errorOf } from "./support/errors.js";
import { fixedClock, sampleResult, tempStorePath, throughputRun } from "./support/temp-store.js";

function storeWithRuns(count: number): { store: Store; campaignId: number; runIds: number[]; clock: ReturnType<typeof fixedClock> } {
  const clock = fixedClock();
  const store = openStore(tempStorePath(), { clock });
  const campaign = store.createCampaign({ name: "c", sourcePath: "/c.yaml", fileHash: "h" }, Array.from({ length: count }, (_, index) => throughputRun("exp", index)));
  return { store, clock, campaignId: campaign.id, runIds: store.runsOf(campaign.id).map((run) => run.id) };
}

const ndr = { kind: "goal", goalName: "NDR", lossRatio: 0, conditionalThroughputPps: 1e6, relevantLowerBoundPps: 1e6, relevantUpperBoundPps: 1.01e6, regular: true } as const;

describe("run status", () => {
  it("moves pending -> running -> succeeded with its results, counting attempts and timestamps", () => {
    const { store, clock, runIds } = storeWithRuns(1);
    const runId = runIds[0] ?? -1;
    try {
      expect(store.run(runId)).toMatchObject({ status: "pending", attempts: 0, testbed: null, startedAtMs: null, endedAtMs: null });
      const started = store.markRunStarted(runId, { testbed: "bench-a" });
      expect(started).toMatchObject({ status: "running", attempts: 1, testbed: "bench-a", startedAtMs: Date.UTC(2026, 0, 1), endedAtMs: null });
      clock.advance(90);
      const done = store.markRunSucceeded(runId, [ndr]);
      expect(done).toMatchObject({ status: "succeeded", endedAtMs: Date.UTC(2026, 0, 1) + 90_000 });
      expect(store.resultsOf(runId).map((result) => result.goalName)).toEqual(["NDR"]);
    } finally {
      store.close();
    }
  });

  it("refuses transitions the state machine does not have, naming the run and its status", () => {
    const { store, runIds } = storeWithRuns(1);
    const runId = runIds[0] ?? -1;
    try {
      const early = errorOf(() => store.markRunSucceeded(runId, [ndr]));
      expect(early.code).toBe("STORE_RUN_STATE_INVALID");
      expect(early.message).toContain('run 1 ("exp" #0)');
      expect(early.message).toContain("it is pending");
      expect(early.context).toMatchObject({ runId, status: "pending" });
      expect(errorOf(() => store.markRunInterrupted(runId)).code).toBe("STORE_RUN_STATE_INVALID");
      expect(errorOf(() => store.insertTrial(runId, { index: 1, warmup: false, result: sampleResult(1) })).code).toBe("STORE_RUN_STATE_INVALID");
      store.markRunStarted(runId, { testbed: "t" });
      expect(errorOf(() => store.markRunStarted(runId, { testbed: "t" })).code).toBe("STORE_RUN_STATE_INVALID");
      store.markRunSucceeded(runId, []);
      expect(errorOf(() => store.markRunStarted(runId, { testbed: "t" })).code).toBe("STORE_RUN_STATE_INVALID");
      expect(errorOf(() => store.markRunFailed(runId, { code: "X", message: "x" })).code).toBe("STORE_RUN_STATE_INVALID");
      expect(errorOf(() => store.markRunStarted(999, { testbed: "t" })).code).toBe("STORE_RUN_UNKNOWN");
    } finally {
      store.close();
    }
  });

  it("records a failure with its error and partial results, and restarts a failed or interrupted run as a new attempt", () => {
    const { store, runIds } = storeWithRuns(2);
    const [failing, interrupted] = runIds as [number, number];
    try {
      store.markRunStarted(failing, { testbed: "a" });
      const failed = store.markRunFailed(failing, { code: "AGENT_DISCONNECTED", message: "agent a1 went away" }, [{ ...ndr, regular: false, relevantUpperBoundPps: null }]);
      expect(failed).toMatchObject({ status: "failed", errorCode: "AGENT_DISCONNECTED", errorMessage: "agent a1 went away" });
      expect(store.resultsOf(failing)[0]).toMatchObject({ regular: false, relevantUpperBoundPps: null });
      const retried = store.markRunStarted(failing, { testbed: "b" });
      expect(retried).toMatchObject({ status: "running", attempts: 2, testbed: "b", errorCode: null, errorMessage: null, endedAtMs: null });

      store.markRunStarted(interrupted, { testbed: "c" });
      store.insertTrial(interrupted, { index: 1, warmup: false, result: sampleResult(1) });
      expect(store.markRunInterrupted(interrupted).status).toBe("interrupted");
      expect(store.markRunStarted(interrupted, { testbed: "c" }).attempts).toBe(2);
      expect(store.trialsOf(interrupted)).toHaveLength(1);
      store.insertTrial(interrupted, { index: 2, warmup: false, result: sampleResult(2) });
      expect(store.trialsOf(interrupted).map((trial) => trial.index)).toEqual([1, 2]);
    } finally {
      store.close();
    }
  });

  it("keeps a run's end and its results together: bad results leave the run running", () => {
    const { store, runIds } = storeWithRuns(1);
    const runId = runIds[0] ?? -1;
    try {
      store.markRunStarted(runId, { testbed: "t" });
      const error = errorOf(() => store.markRunSucceeded(runId, [ndr, { ...ndr }]));
      expect(error.code).toBe("STORE_VALUE_INVALID");
      expect(error.message).toContain('goal "NDR" appears twice');
      expect(store.run(runId)?.status).toBe("running");
      expect(store.resultsOf(runId)).toEqual([]);
      expect(errorOf(() => store.markRunSucceeded(runId, [{ ...ndr, conditionalThroughputPps: Number.NaN }])).code).toBe("STORE_VALUE_INVALID");
      expect(store.run(runId)?.status).toBe("running");
    } finally {
      store.close();
    }
  });

  it("interrupts a campaign together with its running runs, and marks it running, completed or failed", () => {
    const { store, campaignId, runIds, clock } = storeWithRuns(3);
    const [running, done, pending] = runIds as [number, number, number];
    try {
      store.markRunStarted(running, { testbed: "a" });
      store.markRunStarted(done, { testbed: "b" });
      store.markRunSucceeded(done, []);
      clock.advance(5);
      const campaign = store.markCampaignInterrupted(campaignId);
      expect(campaign).toMatchObject({ status: "interrupted", updatedAtMs: Date.UTC(2026, 0, 1) + 5000 });
      expect(store.runsOf(campaignId).map((run) => [run.id, run.status])).toEqual([
        [running, "interrupted"],
        [done, "succeeded"],
        [pending, "pending"],
      ]);
      expect(store.markCampaignRunning(campaignId).status).toBe("running");
      expect(store.markCampaignCompleted(campaignId).status).toBe("completed");
      expect(store.markCampaignFailed(campaignId).status).toBe("failed");
      const unknown = errorOf(() => store.markCampaignCompleted(77));
      expect(unknown.code).toBe("STORE_CAMPAIGN_UNKNOWN");
      expect(unknown.message).toContain('it holds 1 "c" (failed)');
    } finally {
      store.close();
    }
  });
});

describe("trial indexes", () => {
  it("accept only the next index of the run: no repeats, no gaps", () => {
    const { store, runIds } = storeWithRuns(2);
    const [first, second] = runIds as [number, number];
    try {
      store.markRunStarted(first, { testbed: "a" });
      store.markRunStarted(second, { testbed: "b" });
      store.insertTrial(first, { index: 1, warmup: true, result: sampleResult(1) });
      const repeat = errorOf(() => store.insertTrial(first, { index: 1, warmup: false, result: sampleResult(1) }));
      expect(repeat.code).toBe("STORE_TRIAL_INDEX_INVALID");
      expect(repeat.message).toContain("1 trials are stored, so the next one is trial 2");
      expect(errorOf(() => store.insertTrial(first, { index: 3, warmup: false, result: sampleResult(3) })).code).toBe("STORE_TRIAL_INDEX_INVALID");
      store.insertTrial(second, { index: 1, warmup: false, result: sampleResult(9) });
      store.insertTrial(first, { index: 2, warmup: false, result: sampleResult(2) });
      expect(store.trialsOf(first).map((trial) => [trial.index, trial.warmup, trial.result.loadPps])).toEqual([
        [1, true, sampleResult(1).loadPps],
        [2, false, sampleResult(2).loadPps],
      ]);
      expect(store.trialsOf(second).map((trial) => trial.result.offeredCount)).toEqual([sampleResult(9).offeredCount]);
    } finally {
      store.close();
    }
  });
});
