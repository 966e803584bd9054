import { describe, expect, it } from "vitest";
import { planLbsimTasks, replicationSeed } from "../../../../controller/lbsim/campaign/plan.js";
import { runLbsimCampaignSerial } from "../../../../controller/lbsim/campaign/run-serial.js";
import { summarizeLbsimRuns } from "../../../../controller/lbsim/campaign/summarize.js";
import { runScenarioReplication } from "../../../../controller/lbsim/run.js";
import { SMALL_SCENARIOS, TINY } from "./helpers.js";

describe("campaign plan", () => {
  it("runs every scenario x algorithm x replication, replication-major, with seeds shared by a scenario's algorithms", () => {
    const tasks = planLbsimTasks(SMALL_SCENARIOS, 2, 5);
    expect(tasks).toHaveLength(8);
    expect(tasks.map((task) => task.replication)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(new Set(tasks.filter((task) => task.scenario === "small" && task.replication === 0).map((task) => task.seed)).size).toBe(1);
    expect(replicationSeed(5, "small", 0)).not.toBe(replicationSeed(5, "small", 1));
    expect(replicationSeed(5, "small", 0)).not.toBe(replicationSeed(5, "busy", 0));
    expect(replicationSeed(5, "small", 0)).toBe(tasks[0]?.seed);
    expect(Number.isSafeInteger(tasks[0]?.seed)).toBe(true);
    expect(() => planLbsimTasks(SMALL_SCENARIOS, 0)).toThrow(expect.objectContaining({ code: "LBSIM_CAMPAIGN_OPTION_INVALID" }));
  });
});

describe("serial campaign and its summary", () => {
  const { runs, failures } = runLbsimCampaignSerial(SMALL_SCENARIOS, 3, 5);

  it("returns one tidy row per run, each equal to a direct run with its seed", () => {
    expect(failures).toEqual([]);
    expect(runs).toHaveLength(12);
    const first = runs[0];
    expect(first?.metrics).toEqual(runScenarioReplication({ ...TINY, picker: { picker: "random" } }, first?.seed ?? -1));
  });

  it("summarizes per scenario: Student-t intervals over replications, the scoring table and rankings", () => {
    const [small, busy] = summarizeLbsimRuns(runs);
    expect(small?.scenario).toBe("small");
    expect(busy?.algorithms).toHaveLength(1);
    const random = small?.algorithms.find((entry) => entry.algorithm === "Random");
    const latency = random?.metrics.latencyMeanTicks;
    expect(latency?.n).toBe(3);
    // t(0.975, 2) = 4.303: the interval is mean +- 4.303 * stdev / sqrt(3).
    expect(latency?.interval?.halfWidth).toBeCloseTo((4.302652729911275 * (latency?.stdev ?? NaN)) / Math.sqrt(3), 9);
    expect(small?.scoring.map((row) => row.algorithm).sort()).toEqual(["Hcl", "PickTwo", "Random"]);
    expect(small?.rankings.latencyMeanTicks.map((entry) => entry.algorithm).sort()).toEqual(["Hcl", "PickTwo", "Random"]);
    expect(small?.rankings.latencyMeanTicks[0]?.rank).toBe(1);
  });
});
