import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../common/clock.js";
import { loadCampaignReport, soakEstimatesOf, SOAK_ESTIMATE_STREAM } from "../../../../controller/report/index.js";
import { makeTrialResult } from "../../../../controller/search/measurer.js";
import { openStore, type StoredSample } from "../../../../controller/store/index.js";
import { errorOf } from "../store/support/errors.js";
import { fixedClock, tempStorePath } from "../store/support/temp-store.js";

function sample(values: StoredSample["values"], value: number | null = null): StoredSample {
  return { id: 1, runId: 1, stream: SOAK_ESTIMATE_STREAM, atNs: 0n, value, values };
}

describe("soakEstimatesOf", () => {
  it("reads {avgPps, stdevPps, trialNumber}, or the value as the average, in trial order", () => {
    const points = soakEstimatesOf([
      sample({ trialNumber: 2, avgPps: 9.9e6, stdevPps: 1e4 }),
      sample({ trialNumber: 1, averagePps: 9.7e6, stdevPps: -2e4 }),
      sample({ trial: 3, stdevPps: 5e3 }, 9.95e6),
    ]);
    expect(points).toEqual([
      { trialNumber: 1, averagePps: 9.7e6, stdevPps: 2e4 },
      { trialNumber: 2, averagePps: 9.9e6, stdevPps: 1e4 },
      { trialNumber: 3, averagePps: 9.95e6, stdevPps: 5e3 },
    ]);
  });

  it("reads the samples the orchestrator's soak runs store", () => {
    const stored = sample({ trial: 7, loadPps: 9.9e6, lossRatio: 0, avgPps: 9.87e6, stdevPps: 1.2e4 }, 9.87e6);
    expect(soakEstimatesOf([stored])).toEqual([{ trialNumber: 7, averagePps: 9.87e6, stdevPps: 1.2e4 }]);
  });

  it("numbers samples by their order when they carry no trial number, and skips ones without a stdev", () => {
    expect(soakEstimatesOf([sample({ avgPps: 1, stdevPps: 0 }), sample({ avgPps: 2 }), sample([1, 2]), sample({ avgPps: 3, stdevPps: 1 })])).toEqual([
      { trialNumber: 1, averagePps: 1, stdevPps: 0 },
      { trialNumber: 4, averagePps: 3, stdevPps: 1 },
    ]);
  });
});

describe("loadCampaignReport", () => {
  it("reads runs, trials with their loss ratio, goal and soak results and the soak estimates", () => {
    const file = tempStorePath();
    const store = openStore(file, { clock: fixedClock() });
    const campaign = store.createCampaign({ name: "nightly", sourcePath: "/labs/nightly.yaml", fileHash: "h" }, [
      { experimentKey: "hard[options.width=0.01]", replication: 0, seed: 11, kind: "throughput", parameters: { preset: "csit-ndrpdr" } },
      { experimentKey: "soak", replication: 0, seed: 12, kind: "soak", parameters: {} },
    ]);
    const [throughput, soak] = store.runsOf(campaign.id);
    if (!throughput || !soak) throw new Error("runs missing");
    store.markRunStarted(throughput.id, { testbed: "bench-a" });
    // 10 of 1000 due packets were never sent and 5 were lost: loss ratio (5 + 10) / 1000.
    store.insertTrial(throughput.id, { index: 1, warmup: true, result: makeTrialResult({ durationS: 1, loadPps: 1000, intendedCount: 1000, offeredCount: 990, lostCount: 5 }) });
    store.markRunFailed(throughput.id, { code: "SEARCH_TIMEOUT", message: "out of time" }, [
      { kind: "goal", goalName: "NDR", lossRatio: 0, conditionalThroughputPps: null, relevantLowerBoundPps: null, relevantUpperBoundPps: 1000, regular: false },
    ]);
    store.markRunStarted(soak.id, { testbed: "bench-b" });
    store.insertSamples(soak.id, [
      { stream: SOAK_ESTIMATE_STREAM, atNs: 1n, values: { trialNumber: 1, avgPps: 900, stdevPps: 50 } },
      { stream: "power:fpga0", atNs: 2n, value: 12.5 },
    ]);
    store.markRunSucceeded(soak.id, [{ kind: "soak", goalName: "PLR", lossRatio: 1e-7, averagePps: 950, stdevPps: 20 }]);
    store.close();

    const reader = openStore(file, { mode: "inspect" });
    const data = loadCampaignReport(reader, "nightly", { clock: new VirtualClock(0, 1234) });
    reader.close();
    expect(data.campaign).toMatchObject({ id: campaign.id, name: "nightly", sourcePath: "/labs/nightly.yaml", storeFile: file, status: "running" });
    expect(data.generatedAtMs).toBe(1234);
    const [first, second] = data.runs;
    expect(first).toMatchObject({ experimentName: "hard", sweep: { parameter: "options.width", value: 0.01 }, seed: 11, status: "failed", errorCode: "SEARCH_TIMEOUT", testbed: "bench-a" });
    expect(first?.trials).toEqual([{ index: 1, warmup: true, durationS: 1, loadPps: 1000, lossRatio: 0.015 }]);
    expect(first?.goals).toEqual([{ name: "NDR", lossRatio: 0, conditionalThroughputPps: null, relevantLowerBoundPps: null, relevantUpperBoundPps: 1000, regular: false }]);
    expect(second).toMatchObject({ kind: "soak", goals: [], soaks: [{ name: "PLR", lossRatio: 1e-7, averagePps: 950, stdevPps: 20 }], soakEstimates: [{ trialNumber: 1, averagePps: 900, stdevPps: 50 }] });
  });

  it("names the campaigns the store holds when the one asked for is not there", () => {
    const file = tempStorePath();
    openStore(file).close();
    const reader = openStore(file, { mode: "inspect" });
    const error = errorOf(() => loadCampaignReport(reader, "nope"));
    reader.close();
    expect(error.code).toBe("STORE_CAMPAIGN_UNKNOWN");
  });
});
