import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { makeTrialResult } from "../../../../controller/search/measurer.js";
import { openStore, SCHEMA_VERSION, STORE_APPLICATION_ID, type NewTrial } from "../../../../controller/store/index.js";
import { errorOf } from "./support/errors.js";
import { fixedClock, rawDatabase, sampleResult, tempStorePath, throughputRun } from "./support/temp-store.js";

describe("Store round trip", () => {
  it("keeps campaigns, runs, trials, results, events and samples across a reopen", () => {
    const file = tempStorePath();
    const clock = fixedClock();
    const store = openStore(file, { clock });
    const campaign = store.createCampaign({ name: "nightly", sourcePath: "/labs/nightly.yaml", fileHash: "sha256:ab12" }, [
      throughputRun("throughput/hard-10M", 0),
      throughputRun("throughput/hard-10M", 1),
    ]);
    const [run0, run1] = store.runsOf(campaign.id);
    if (!run0 || !run1) throw new Error("runs missing");
    clock.advance(2);
    store.markRunStarted(run0.id, { testbed: "bench-a" });
    const trials: NewTrial[] = [1, 2, 3].map((index) => ({
      index,
      warmup: index === 1,
      result: sampleResult(index),
      startedAtMs: 1_767_225_600_000.5 + index,
      endedAtMs: 1_767_225_601_000.25 + index,
      ...(index === 2 ? { directions: [{ txPackets: 10, rxPackets: 9 }], power: { fpga0W: 12.5 } } : {}),
    }));
    for (const trial of trials) store.insertTrial(run0.id, trial);
    const atNs = 1_767_225_600_123_456_789n;
    store.insertEvents(run0.id, [
      { atNs: atNs + 5n, source: "agent-1", kind: "failover", payload: { action: "pull-link" } },
      { atNs, source: "controller", kind: "start", payload: null },
    ]);
    store.insertSamples(run0.id, [
      { stream: "power:fpga0", atNs, value: 12.25 },
      { stream: "iperf:client0", atNs: atNs + 1n, values: { bitsPerSecond: 9.4e9, retransmits: 3 } },
    ]);
    store.markRunSucceeded(run0.id, [
      { kind: "goal", goalName: "NDR", lossRatio: 0, conditionalThroughputPps: 9.9e6, relevantLowerBoundPps: 9.95e6, relevantUpperBoundPps: 1.0e7, regular: true, extra: { lowerBoundSums: { goodLongS: 21 } } },
      { kind: "soak", goalName: "PLR", lossRatio: 1e-7, averagePps: 9.5e6, stdevPps: 1.25e4 },
    ]);
    store.close();

    const again = openStore(file, { mode: "inspect" });
    try {
      expect(again.campaigns()).toEqual([{ ...campaign, createdAtMs: Date.UTC(2026, 0, 1), updatedAtMs: Date.UTC(2026, 0, 1) }]);
      expect(again.findCampaignByName("nightly")?.id).toBe(campaign.id);
      expect(again.findCampaignByFile("/labs/nightly.yaml")?.id).toBe(campaign.id);
      expect(again.findCampaignByName("weekly")).toBeUndefined();
      const run = again.run(run0.id);
      expect(run).toMatchObject({
        experimentKey: "throughput/hard-10M",
        replication: 0,
        seed: 1000,
        kind: "throughput",
        parameters: { device: { kind: "hard", mrrPps: 1e7 }, preset: "csit-ndrpdr" },
        testbed: "bench-a",
        status: "succeeded",
        attempts: 1,
        errorCode: null,
        startedAtMs: Date.UTC(2026, 0, 1) + 2000,
        endedAtMs: Date.UTC(2026, 0, 1) + 2000,
      });
      expect(again.run(run1.id)?.status).toBe("pending");
      const stored = again.trialsOf(run0.id);
      expect(stored.map((trial) => trial.index)).toEqual([1, 2, 3]);
      stored.forEach((trial, position) => {
        const written = trials[position];
        expect(trial.result).toEqual(written?.result);
        expect(trial.warmup).toBe(written?.warmup);
        expect(trial.startedAtMs).toBe(written?.startedAtMs);
        expect(trial.endedAtMs).toBe(written?.endedAtMs);
      });
      expect(stored[1]?.directions).toEqual([{ txPackets: 10, rxPackets: 9 }]);
      expect(stored[1]?.power).toEqual({ fpga0W: 12.5 });
      expect(stored[0]?.directions).toBeNull();
      expect(again.resultsOf(run0.id)).toEqual([
        { runId: run0.id, kind: "goal", goalName: "NDR", lossRatio: 0, conditionalThroughputPps: 9.9e6, relevantLowerBoundPps: 9.95e6, relevantUpperBoundPps: 1.0e7, regular: true, extra: { lowerBoundSums: { goodLongS: 21 } } },
        { runId: run0.id, kind: "soak", goalName: "PLR", lossRatio: 1e-7, averagePps: 9.5e6, stdevPps: 1.25e4, extra: null },
      ]);
      expect(again.eventsOf(run0.id).map((event) => [event.atNs, event.kind, event.source, event.payload])).toEqual([
        [atNs, "start", "controller", null],
        [atNs + 5n, "failover", "agent-1", { action: "pull-link" }],
      ]);
      expect(again.samplesOf(run0.id, "power:fpga0").map((sample) => [sample.atNs, sample.value, sample.values])).toEqual([[atNs, 12.25, null]]);
      expect(again.samplesOf(run0.id)).toHaveLength(2);
      expect(again.samplesOf(run0.id, "iperf:client0")[0]?.values).toEqual({ bitsPerSecond: 9.4e9, retransmits: 3 });
    } finally {
      again.close();
    }
  });

  it("stores packet counts up to 2^53 - 1 exactly and refuses larger or fractional ones", () => {
    const store = openStore(tempStorePath(), { clock: fixedClock() });
    try {
      const campaign = store.createCampaign({ name: "big", sourcePath: "/b.yaml", fileHash: "h" }, [throughputRun("big", 0)]);
      const runId = store.runsOf(campaign.id)[0]?.id ?? -1;
      store.markRunStarted(runId, { testbed: "t" });
      const max = Number.MAX_SAFE_INTEGER;
      const big = makeTrialResult({ durationS: 3600, loadPps: 2.5e12, intendedCount: max, offeredCount: max, lostCount: max - 2 ** 52 });
      store.insertTrial(runId, { index: 1, warmup: false, result: big });
      const [stored] = store.trialsOf(runId);
      expect(stored?.result).toEqual(big);
      expect(stored?.result.offeredCount).toBe(9_007_199_254_740_991);
      expect(stored?.result.forwardedCount).toBe(2 ** 52);
      const raw = rawDatabase(store.file);
      try {
        const row = raw.prepare("SELECT offered_count, typeof(offered_count) AS type FROM trials").safeIntegers(true).get() as { offered_count: bigint; type: string };
        expect(row).toEqual({ offered_count: 9_007_199_254_740_991n, type: "integer" });
      } finally {
        raw.close();
      }
      const tooBig = { ...big, offeredCount: 2 ** 53 };
      const error = errorOf(() => store.insertTrial(runId, { index: 2, warmup: false, result: tooBig }));
      expect(error.code).toBe("STORE_VALUE_INVALID");
      expect(error.message).toContain("trial offeredCount = 9007199254740992");
      expect(error.context["file"]).toBe(store.file);
      expect(errorOf(() => store.insertTrial(runId, { index: 2, warmup: false, result: { ...big, lostCount: 1.5 } })).code).toBe("STORE_VALUE_INVALID");
      expect(errorOf(() => store.insertTrial(runId, { index: 2, warmup: false, result: { ...big, loadPps: Number.NaN } })).code).toBe("STORE_VALUE_INVALID");
      expect(store.trialsOf(runId)).toHaveLength(1);
    } finally {
      store.close();
    }
  });

  it("creates a new file in WAL mode with foreign keys, full sync, its application id and the schema version", () => {
    const file = tempStorePath();
    expect(existsSync(file)).toBe(false);
    const store = openStore(file, { clock: fixedClock() });
    try {
      expect(store.opening).toEqual({ schemaVersion: SCHEMA_VERSION, recoveredLock: null, interruptedCampaignIds: [], interruptedRunIds: [] });
      store.createCampaign({ name: "c", sourcePath: "/c.yaml", fileHash: "h" });
      expect(existsSync(`${file}-wal`)).toBe(true);
      const raw = rawDatabase(file);
      try {
        expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
        expect(raw.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
        expect(raw.pragma("application_id", { simple: true })).toBe(STORE_APPLICATION_ID);
        raw.pragma("foreign_keys = ON");
        expect(() => raw.prepare("INSERT INTO runs (campaign_id, experiment_key, replication, seed, kind, parameters_json, status) VALUES (999, 'x', 0, 1, 'throughput', '{}', 'pending')").run()).toThrow(/FOREIGN KEY/);
      } finally {
        raw.close();
      }
    } finally {
      store.close();
    }
  });

  it("refuses values JSON would change, runs named twice and unknown runs, with the file in the error", () => {
    const store = openStore(tempStorePath(), { clock: fixedClock() });
    try {
      const campaign = store.createCampaign({ name: "c", sourcePath: "/c.yaml", fileHash: "h" }, [throughputRun("a", 0)]);
      expect(errorOf(() => store.addRuns(campaign.id, [{ ...throughputRun("b", 0), parameters: { rate: Number.POSITIVE_INFINITY } }])).code).toBe("STORE_VALUE_INVALID");
      expect(errorOf(() => store.addRuns(campaign.id, [{ ...throughputRun("b", 0), parameters: { seed: 1n } }])).code).toBe("STORE_VALUE_INVALID");
      const duplicate = errorOf(() => store.addRuns(campaign.id, [throughputRun("b", 0), throughputRun("a", 0)]));
      expect(duplicate.code).toBe("STORE_RUN_DUPLICATE");
      // The batch is one transaction: "b" did not stay behind.
      expect(store.runsOf(campaign.id).map((run) => run.experimentKey)).toEqual(["a"]);
      expect(errorOf(() => store.addRuns(777, [throughputRun("z", 0)])).code).toBe("STORE_CAMPAIGN_UNKNOWN");
      const unknownRun = errorOf(() => store.insertTrial(4242, { index: 1, warmup: false, result: sampleResult(1) }));
      expect(unknownRun.code).toBe("STORE_RUN_UNKNOWN");
      expect(unknownRun.message).toContain(store.file);
      expect(errorOf(() => store.insertEvents(4242, [])).code).toBe("STORE_RUN_UNKNOWN");
      expect(errorOf(() => store.runsOf(4242)).code).toBe("STORE_CAMPAIGN_UNKNOWN");
    } finally {
      store.close();
    }
  });
});
