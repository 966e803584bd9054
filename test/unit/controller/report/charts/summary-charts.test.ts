import { describe, expect, it } from "vitest";
import { summarize } from "../../../../../controller/analysis/index.js";
import { boundsChart } from "../../../../../controller/report/charts/bounds-chart.js";
import { soakChart } from "../../../../../controller/report/charts/soak-chart.js";
import { sweepChart } from "../../../../../controller/report/charts/sweep-chart.js";
import { goal, pointCount, trial } from "../support/report-data.js";

describe("boundsChart", () => {
  it("draws a bar from RLB to RUB and a CT diamond per row, and says when a bound is missing", () => {
    const svg = boundsChart({
      id: "b",
      title: "bounds",
      rows: [
        { label: "#0 NDR", goal: goal("NDR", 0, 9.9e6, 1e7), goalIndex: 0 },
        { label: "#0 PDR", goal: goal("PDR", 0.005, 1e7, null), goalIndex: 1 },
        { label: "#1 <failed>", goal: null, goalIndex: 0 },
      ],
    });
    expect(pointCount(svg)).toBe(4);
    expect(svg).toContain("<title>#0 NDR: RLB 9.9 Mpps, RUB 10 Mpps, CT 9.9 Mpps (regular)</title>");
    expect(svg).toContain("RUB -, CT 10 Mpps (irregular: a bound is missing)");
    expect(svg).toContain("#1 &lt;failed&gt;");
    expect(svg).toContain("no result");
    expect(svg).toContain("no bound on this side");
  });

  it("explains dashed lines only when a bound is missing", () => {
    expect(boundsChart({ id: "b", title: "t", rows: [{ label: "#0 NDR", goal: goal("NDR", 0, 9.9e6, 1e7), goalIndex: 0 }] })).not.toContain("no bound on this side");
  });

  it("grows with its rows", () => {
    const row = { label: "#0 NDR", goal: goal("NDR", 0, 9.9e6, 1e7), goalIndex: 0 };
    const height = (svg: string) => Number(/height="(\d+)"/.exec(svg)?.[1]);
    expect(height(boundsChart({ id: "b", title: "t", rows: Array(10).fill(row) }))).toBeGreaterThan(height(boundsChart({ id: "b", title: "t", rows: [row] })) + 200);
  });
});

describe("soakChart", () => {
  const trials = [trial(1, 1e7, 1e-6), trial(2, 9.8e6, 0), trial(3, 9.9e6, 0)];
  const soaks = [{ name: "PLR", lossRatio: 1e-7, averagePps: 9.85e6, stdevPps: 2e4 }];

  it("draws the estimate at each trial with a ± stdev band, the trial loads and the final estimate", () => {
    const estimates = [1, 2, 3].map((trialNumber) => ({ trialNumber, averagePps: 9.8e6 + trialNumber * 1e4, stdevPps: 3e5 / trialNumber }));
    const svg = soakChart({ id: "s", title: "soak", trials, estimates, soaks });
    expect(pointCount(svg)).toBe(6);
    expect(svg).toContain("<polygon");
    expect(svg).toContain("estimate at trial 2: 9.82 Mpps ± 150 kpps");
    expect(svg).toContain("PLR final estimate (loss ratio target 1e-7): 9.85 Mpps ± 20 kpps");
  });

  it("draws the final estimate alone when no per-trial estimates were stored", () => {
    const svg = soakChart({ id: "s", title: "soak", trials, estimates: [], soaks });
    expect(pointCount(svg)).toBe(3);
    expect(svg).not.toContain("<polygon");
    expect(svg).toContain("final PLR");
  });
});

describe("sweepChart", () => {
  it("draws each replication, the mean and its interval per swept value and goal", () => {
    const point = (sweepValue: number, valuesPps: number[]) => ({ sweepValue, valuesPps, summary: summarize(valuesPps) });
    const svg = sweepChart({
      id: "w",
      title: "sweep",
      parameter: "device.mrrPps",
      sweepValues: [5e6, 1e7],
      metric: "conditional throughput",
      series: [
        { name: "NDR", colorIndex: 0, points: [point(5e6, [4.9e6, 4.95e6]), point(1e7, [9.9e6, 9.95e6, 9.8e6])] },
        { name: "PDR", colorIndex: 1, points: [point(1e7, [9.97e6])] },
      ],
    });
    expect(pointCount(svg)).toBe(6 + 3);
    expect(svg).toMatch(/>5M<\/text>/);
    expect(svg).toMatch(/>10M<\/text>/);
    expect(svg).toContain("NDR at 10000000: mean conditional throughput 9.88333 Mpps over 3 (95% CI");
    expect(svg).toContain("PDR at 10000000: mean conditional throughput 9.97 Mpps over 1 (no interval with one value)");
  });
});
