import { describe, expect, it } from "vitest";
import type { FittingFunction } from "../../../../../common/devices/fitting.js";
import { lfitStretch } from "../../../../../common/devices/fitting.js";
import { isTestbenchError } from "../../../../../common/errors.js";
import { findCriticalLoadByBisection } from "../../../../../controller/search/plr/critical-load-bisection.js";
import { findCriticalLoadPps } from "../../../../../controller/search/plr/critical-load.js";
import { fittingFunction } from "../../../../../controller/search/plr/fitting.js";
import { mrrFromUnit, spreadFromUnit } from "../../../../../controller/search/plr/prior.js";
import { csit, expectClose } from "./reference.js";

const { minLoadPps, maxLoadPps } = csit;

function counting(lfit: FittingFunction): { lfit: FittingFunction; calls: () => number } {
  let calls = 0;
  return {
    lfit: (load, mrr, spread) => {
      calls += 1;
      return lfit(load, mrr, spread);
    },
    calls: () => calls,
  };
}

describe("prior", () => {
  it("maps the unit square as CSIT does", () => {
    for (const row of csit.criticalRates) {
      const mrr = mrrFromUnit(row.x[0], maxLoadPps);
      expectClose(mrr, row.mrr, 1e-15);
      expectClose(spreadFromUnit(row.x[1], mrr), row.spread, 1e-13);
    }
    expect(mrrFromUnit(0, 1e7)).toBe(5e6 + 1);
    expect(spreadFromUnit(1, 1e6)).toBeCloseTo(1e6, 6);
    expect(spreadFromUnit(-1, 1e6)).toBe(1);
  });
});

describe("critical load", () => {
  it.each(["stretch", "erf"] as const)("CSIT's bisection and Brent's method both reproduce CSIT's %s rates", (fitting) => {
    const rows = csit.criticalRates.filter((row) => row.fitting === fitting);
    expect(rows.length).toBe(60);
    for (const row of rows) {
      const lfit = fittingFunction(fitting);
      const bisection = findCriticalLoadByBisection(lfit, minLoadPps, maxLoadPps, row.target, row.mrr, row.spread);
      const brent = findCriticalLoadPps(lfit, minLoadPps, maxLoadPps, row.target, row.mrr, row.spread);
      expectClose(bisection, row.rate, 1e-13);
      expectClose(brent, row.rate, 1e-13);
    }
  });

  it("stops at the limits when the target is crossed outside them", () => {
    // mrr far above max: the ratio stays below target up to max.
    expect(findCriticalLoadPps(lfitStretch, 9001, 1e6, 1e-7, 1e9, 10)).toBe(1e6);
    // mrr below min: every load in range loses more than the target.
    expect(findCriticalLoadPps(lfitStretch, 9001, 1e6, 1e-7, 100, 10)).toBe(9001);
    expect(findCriticalLoadByBisection(lfitStretch, 9001, 1e6, 1e-7, 1e9, 10)).toBeCloseTo(1e6, 3);
    expect(findCriticalLoadByBisection(lfitStretch, 9001, 1e6, 1e-7, 100, 10)).toBeCloseTo(9001, 3);
  });

  it("needs far fewer fitting evaluations than bisection", () => {
    let brentCalls = 0;
    let bisectionCalls = 0;
    for (const row of csit.criticalRates) {
      const brent = counting(fittingFunction(row.fitting));
      const bisection = counting(fittingFunction(row.fitting));
      findCriticalLoadPps(brent.lfit, minLoadPps, maxLoadPps, row.target, row.mrr, row.spread);
      findCriticalLoadByBisection(bisection.lfit, minLoadPps, maxLoadPps, row.target, row.mrr, row.spread);
      brentCalls += brent.calls();
      bisectionCalls += bisection.calls();
    }
    expect(bisectionCalls / csit.criticalRates.length).toBeGreaterThan(30);
    expect(brentCalls / csit.criticalRates.length).toBeLessThan(bisectionCalls / csit.criticalRates.length / 2.5);
  });

  it("reports a fitting function that is not a number, naming the parameters", () => {
    const broken: FittingFunction = (load) => (load > 5e5 ? NaN : -50);
    for (const finder of [findCriticalLoadPps, findCriticalLoadByBisection]) {
      try {
        finder(broken, 9001, 1e6, 1e-7, 1e6, 1e3);
        expect.unreachable();
      } catch (error) {
        expect(isTestbenchError(error) && error.code).toBe("PLR_INTEGRATION_NUMERIC");
        expect((error as Error).message).toContain("mrrPps 1000000");
      }
    }
  });
});
