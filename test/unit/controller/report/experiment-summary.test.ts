import { describe, expect, it } from "vitest";
import { summarize } from "../../../../controller/analysis/index.js";
import { groupExperiments, summarizeExperiments } from "../../../../controller/report/index.js";
import { goal, run } from "./support/report-data.js";

describe("summarizeExperiments", () => {
  it("summarizes each goal's conditional throughput over the succeeded runs only", () => {
    const runs = [
      run(1, { replication: 0, goals: [goal("NDR", 0, 9.9e6, 1e7), goal("PDR", 0.005, 9.95e6, 1e7)] }),
      run(2, { replication: 1, goals: [goal("NDR", 0, 9.8e6, 9.9e6), goal("PDR", 0.005, 9.9e6, 1e7)] }),
      run(3, { replication: 2, status: "failed", goals: [goal("NDR", 0, 1e6, 2e6), goal("PDR", 0.005, 1e6, 2e6)] }),
      run(4, { replication: 3, goals: [goal("NDR", 0, null, 9001), goal("PDR", 0.005, 9.92e6, 1e7)] }),
    ];
    const [experiment] = summarizeExperiments(runs);
    expect(experiment?.runs.map((entry) => entry.id)).toEqual([1, 2, 3, 4]);
    expect(experiment?.rows.map((row) => [row.goalName, row.valuesPps])).toEqual([
      ["NDR", [9.9e6, 9.8e6]],
      ["PDR", [9.95e6, 9.9e6, 9.92e6]],
    ]);
    expect(experiment?.rows[1]?.summary).toEqual(summarize([9.95e6, 9.9e6, 9.92e6]));
  });

  it("uses the soak average of soak runs", () => {
    const soak = (id: number, averagePps: number) => run(id, { experimentKey: "soak", experimentName: "soak", kind: "soak", goals: [], soaks: [{ name: "PLR", lossRatio: 1e-7, averagePps, stdevPps: 1e4 }] });
    const [experiment] = summarizeExperiments([soak(1, 9.9e6), soak(2, 9.7e6)]);
    expect(experiment?.rows).toMatchObject([{ goalName: "PLR", metric: "soak average", valuesPps: [9.9e6, 9.7e6] }]);
  });
});

describe("groupExperiments", () => {
  it("groups sweep variants by name and parameter, ordered by value, and leaves other experiments alone", () => {
    const variant = (id: number, value: number) => run(id, { experimentKey: `hard[options.width=${value}]`, experimentName: "hard", sweep: { parameter: "options.width", value } });
    const runs = [run(1, { experimentKey: "plain" }), variant(2, 0.05), variant(3, 0.005), variant(4, 0.01), variant(5, 0.005)];
    const groups = groupExperiments(summarizeExperiments(runs));
    expect(groups.map((group) => [group.name, group.parameter, group.experiments.map((experiment) => experiment.experimentKey)])).toEqual([
      ["plain", null, ["plain"]],
      ["hard", "options.width", ["hard[options.width=0.005]", "hard[options.width=0.01]", "hard[options.width=0.05]"]],
    ]);
    expect(groups[1]?.experiments[0]?.runs.map((entry) => entry.id)).toEqual([3, 5]);
  });
});
