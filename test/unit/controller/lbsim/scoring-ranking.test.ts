import { describe, expect, it } from "vitest";
import { differenceP, rankWithSignificance } from "../../../../controller/lbsim/stats/ranking.js";
import { quintileScores, reasonablyBadRun, scoreAlgorithms, SCORED_METRICS } from "../../../../controller/lbsim/stats/scoring.js";
import { pairedTTestP, welchTTestP } from "../../../../controller/lbsim/stats/significance.js";

describe("the notebook's scoring table", () => {
  it("cuts values into quintiles like pandas.qcut with labels 5..1 (lowest = 5)", () => {
    expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(quintileScores([3, 1, 2])).toEqual([1, 5, 3]);
    expect(quintileScores([4, 4, 4])).toEqual([5, 5, 5]);
  });

  it("scores the reasonably bad run: mean + sample stdev (stdev 0 for one run)", () => {
    expect(reasonablyBadRun([10, 12, 14])).toBe(14);
    expect(reasonablyBadRun([7])).toBe(7);
    expect(reasonablyBadRun([7, Number.NaN])).toBe(7);
  });

  it("adds the five metric scores and sorts by total, then name (equal top edges: pandas would raise, here the bin stays empty)", () => {
    const run = (value: number) => Object.fromEntries(SCORED_METRICS.map((metric) => [metric, [value, value]]));
    const rows = scoreAlgorithms([
      { algorithm: "C", values: run(30) },
      { algorithm: "A", values: run(10) },
      { algorithm: "B", values: { ...run(10), latencyP99Ticks: [50, 50] } },
      { algorithm: "D", values: run(40) },
      { algorithm: "E", values: run(50) },
    ]);
    expect(rows.map((row) => [row.algorithm, row.total])).toEqual([
      ["A", 25],
      ["B", 22],
      ["C", 16],
      ["D", 11],
      ["E", 6],
    ]);
    expect(rows[1]?.scores.latencyP99Ticks).toBe(2);
  });
});

describe("significance", () => {
  const a = [10.1, 12.3, 9.8, 11.0, 10.5, 12.9];
  const b = [10.6, 12.5, 10.4, 11.9, 10.9, 13.1];

  it("matches scipy's paired and Welch t-tests", () => {
    expect(pairedTTestP(a, b)).toBeCloseTo(0.007714967209238711, 9);
    expect(welchTTestP(a, b)).toBeCloseTo(0.5074828960352631, 9);
    expect(welchTTestP([1, 2, 3, 4], [3, 5, 7, 9, 11])).toBeCloseTo(0.030286153937034273, 9);
    expect(pairedTTestP([1, 2], [1, 2])).toBe(1);
    expect(pairedTTestP([1, 2], [2, 3])).toBe(0);
  });

  it("pairs over common seeds and falls back to Welch when the seeds differ", () => {
    const seeds = [1, 2, 3, 4, 5, 6];
    expect(differenceP({ algorithm: "a", values: a, seeds }, { algorithm: "b", values: [...b].reverse(), seeds: [...seeds].reverse() })).toBeCloseTo(0.0077149672, 9);
    expect(differenceP({ algorithm: "a", values: a, seeds }, { algorithm: "b", values: b, seeds: [7, 8, 9, 10, 11, 12] })).toBeCloseTo(0.5074828960, 9);
  });
});

describe("ranking with significance", () => {
  it("ranks 1 + the number of significantly better algorithms, so unseparated ones tie", () => {
    const seeds = [1, 2, 3, 4, 5, 6];
    const ranking = rankWithSignificance([
      { algorithm: "slowA", values: [20, 22, 19, 21, 20, 23], seeds },
      { algorithm: "fast", values: [10, 11, 9, 10, 12, 10], seeds },
      { algorithm: "slowB", values: [21, 20, 22, 19, 21, 22], seeds },
    ]);
    expect(ranking.map((entry) => [entry.algorithm, entry.rank])).toEqual([
      ["fast", 1],
      ["slowA", 2],
      ["slowB", 2],
    ]);
    expect(ranking[1]?.tiedWith).toEqual(["slowB"]);
    expect(ranking[1]?.worseThan).toEqual(["fast"]);
    expect(ranking[0]?.summary.interval?.halfWidth).toBeGreaterThan(0);
  });

  it("separates a small consistent gap only when pairing removes the shared noise", () => {
    const a = [10.1, 12.3, 9.8, 11.0, 10.5, 12.9];
    const b = [10.6, 12.5, 10.4, 11.9, 10.9, 13.1];
    const paired = rankWithSignificance([
      { algorithm: "a", values: a, seeds: [1, 2, 3, 4, 5, 6] },
      { algorithm: "b", values: b, seeds: [1, 2, 3, 4, 5, 6] },
    ]);
    expect(paired.map((entry) => entry.rank)).toEqual([1, 2]);
    const unpaired = rankWithSignificance([
      { algorithm: "a", values: a },
      { algorithm: "b", values: b },
    ]);
    expect(unpaired.map((entry) => entry.rank)).toEqual([1, 1]);
    const higherBetter = rankWithSignificance([{ algorithm: "a", values: a, seeds: [1, 2, 3, 4, 5, 6] }, { algorithm: "b", values: b, seeds: [1, 2, 3, 4, 5, 6] }], { lowerIsBetter: false });
    expect(higherBetter[0]?.algorithm).toBe("b");
  });
});
