import { describe, expect, it } from "vitest";
import { lossLoadChart } from "../../../../../controller/report/charts/loss-load-chart.js";
import { trialSequenceChart } from "../../../../../controller/report/charts/trial-sequence-chart.js";
import { goal, pointCount, trial } from "../support/report-data.js";

const trials = [trial(1, 1.488e7, 0.33, true), trial(2, 1.488e7, 0.32), trial(3, 9.9e6, 0), trial(4, 1.0e7, 0.004), trial(5, 9.95e6, 0)];
const goals = [goal("NDR", 0, 9.9e6, 1e7), goal("PDR", 0.005, 9.95e6, 1e7)];

/** The centre y of each point of one kind, from circles (cy) or triangles (the path's first y + 5). */
function circleYs(svg: string): number[] {
  return [...svg.matchAll(/<circle cx="[^"]+" cy="([^"]+)"[^>]*class="point"/g)].map((match) => Number(match[1]));
}

describe("trialSequenceChart", () => {
  it("draws one point per trial, marked by loss, each with a tooltip", () => {
    const svg = trialSequenceChart({ id: "run-1-trials", title: "t", trials, goals });
    expect(pointCount(svg)).toBe(5);
    expect(svg.match(/data-kind="zero-loss"/g)).toHaveLength(2);
    expect(svg.match(/data-kind="lossy"/g)).toHaveLength(2);
    expect(svg.match(/data-kind="warmup"/g)).toHaveLength(1);
    expect(svg).toContain("<title>trial 4: 10 Mpps for 1 s, loss ratio 0.004 (loss &gt; 0)</title>");
    expect(svg).toContain("NDR conditional throughput 9.9 Mpps");
  });

  it("puts loads on a linear axis when they span less than a factor of 10, a log axis otherwise", () => {
    expect(trialSequenceChart({ id: "a", title: "t", trials, goals })).toContain("offered load per direction (pps)</text>");
    const wide = [...trials, trial(6, 9001, 0)];
    expect(trialSequenceChart({ id: "b", title: "t", trials: wide, goals })).toContain("offered load per direction (pps, log)</text>");
  });

  it("is a standalone SVG document with an escaped title", () => {
    const svg = trialSequenceChart({ id: "x", title: `a <b> & "c"`, trials, goals: [] });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" id="x" class="chart"')).toBe(true);
    expect(svg).toContain(`<title id="x-title">a &lt;b&gt; &amp; &quot;c&quot;</title>`);
    expect(svg).not.toMatch(/<b>/);
  });

  it("skips trials with non-finite values and draws an empty chart without trials", () => {
    expect(pointCount(trialSequenceChart({ id: "x", title: "t", trials: [...trials, trial(6, Number.NaN, 0)], goals }))).toBe(5);
    expect(pointCount(trialSequenceChart({ id: "x", title: "t", trials: [], goals: [] }))).toBe(0);
  });
});

describe("lossLoadChart", () => {
  it("puts zero-loss trials on one row below the log loss axis", () => {
    const svg = lossLoadChart({ id: "run-1-loss", title: "t", trials, goals });
    expect(pointCount(svg)).toBe(5);
    const zeroYs = circleYs(svg);
    expect(zeroYs).toHaveLength(2);
    expect(new Set(zeroYs).size).toBe(1);
    expect(svg).toContain("loss ratio (log)");
    expect(svg).toMatch(/>0<\/text>/);
  });

  it("draws each goal's loss target above zero and its conditional throughput", () => {
    const svg = lossLoadChart({ id: "x", title: "t", trials, goals });
    expect(svg).toContain("PDR loss ratio target 0.005");
    expect(svg).not.toContain("NDR loss ratio target");
    expect(svg.match(/class="goal-line"/g)).toHaveLength(3);
  });

  it("starts the loss axis at the power of ten below the smallest loss", () => {
    const svg = lossLoadChart({ id: "x", title: "t", trials: [trial(1, 1e7, 3.2e-5), trial(2, 2e7, 0.5)], goals: [] });
    expect(svg).toMatch(/>1e-5<\/text>/);
    expect(svg).not.toMatch(/>1e-6<\/text>/);
  });
});
