import { describe, expect, it } from "vitest";
import { combineEstimates } from "../../../../../controller/search/plr/combine.js";
import { csit, expectClose } from "./reference.js";

describe("combineEstimates", () => {
  it("matches CSIT's _get_result", () => {
    for (const row of csit.combined) {
      const combined = combineEstimates(
        { logAverage: row.stretch[0], pessimisticVariance: row.stretch[1] },
        { logAverage: row.erf[0], pessimisticVariance: row.erf[1] },
      );
      expectClose(combined.avgPps, row.avg, 1e-14);
      expectClose(combined.stdevPps, row.stdev, 1e-12);
      expectClose(combined.stretchPps, row.stretchPps, 1e-15);
      expectClose(combined.erfPps, row.erfPps, 1e-15);
      expect(combined.lowerPps).toBe(combined.avgPps - combined.stdevPps);
      expect(combined.upperPps).toBe(combined.avgPps + combined.stdevPps);
    }
  });

  it("counts the disagreement of the two functions as uncertainty (hand-computed)", () => {
    const combined = combineEstimates({ logAverage: Math.log(100), pessimisticVariance: 0 }, { logAverage: Math.log(400), pessimisticVariance: 0 });
    // a = log(200), s = log(4) / 2 = log(2): low 100, upp 400, avg 250, stdev 150.
    expectClose(combined.avgPps, 250, 1e-14);
    expectClose(combined.stdevPps, 150, 1e-13);
  });
});
