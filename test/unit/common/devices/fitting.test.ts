import { describe, expect, it } from "vitest";
import type { FittingFunction } from "../../../../common/devices/fitting.js";
import { lfitErf, lfitStretch } from "../../../../common/devices/fitting.js";

const FUNCTIONS: ReadonlyArray<readonly [string, FittingFunction]> = [
  ["stretch", lfitStretch],
  ["erf", lfitErf],
];

/** [loadPps, mrrPps, spreadPps, stretch, erf] from CSIT's Python (scipy erfcx/erfc). */
const CSIT_VALUES: ReadonlyArray<readonly [number, number, number, number, number]> = [
  [9.5e6, 1e7, 1e5, 6.509565911730305, -15.589328831576381],
  [1e7, 1e7, 1e5, 11.146412544388564, 10.593986931765556],
  [1.2e7, 1e7, 1e5, 14.508657738627278, 14.508657738524219],
  [9001, 1e7, 1e5, -90.84956648652712, -9972.639941158188],
  [1.488e7, 1e7, 1e5, 15.40065577782933, 15.40065577782933],
  [5e6, 1e7, 3e6, 12.933299264789193, 10.252291928140636],
  [9.99e6, 1e7, 1e3, -3.0922674205532186, -95.22730623688103],
];

const decades = (from: number, to: number, perDecade: number): number[] =>
  Array.from({ length: (to - from) * perDecade + 1 }, (_, i) => 10 ** (from + i / perDecade));

describe.each(FUNCTIONS)("lfit %s", (name, lfit) => {
  it("matches CSIT's values", () => {
    for (const [load, mrr, spread, stretch, erf] of CSIT_VALUES) {
      const expected = name === "stretch" ? stretch : erf;
      expect(Math.abs(lfit(load, mrr, spread) - expected)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected)));
    }
  });

  it("is finite everywhere in its domain, far beyond practical loads and spreads", () => {
    for (const mrr of [1, 1e3, 1e7, 1e10, 1e13]) {
      for (const spread of decades(-6, 12, 1)) {
        for (const load of decades(-9, 15, 4)) {
          const value = lfit(load, mrr, spread);
          if (!Number.isFinite(value)) throw new Error(`lfit ${name}(${load}, ${mrr}, ${spread}) = ${value}`);
        }
      }
    }
  });

  it("is non-decreasing in load from 1 to 1e12 pps for spreads 1e-3..1e9", () => {
    for (const mrr of [1e5, 1e7, 1e10]) {
      for (const spread of decades(-3, 9, 2)) {
        let previous = -Infinity;
        for (const load of decades(0, 12, 50)) {
          const value = lfit(load, mrr, spread);
          if (!(value >= previous)) throw new Error(`lfit ${name} decreases at load ${load} (mrr ${mrr}, spread ${spread}): ${previous} -> ${value}`);
          previous = value;
        }
      }
    }
  });

  it("approaches ln(load - mrr) far above mrr", () => {
    for (const [mrr, spread] of [
      [1e7, 1e5],
      [1e7, 1e-3],
      [1e4, 10],
    ] as const) {
      for (const load of [mrr + 50 * spread, 2 * mrr + 100 * spread, 1e12]) {
        expect(Math.abs(lfit(load, mrr, spread) - Math.log(load - mrr))).toBeLessThan(1e-9);
      }
    }
  });

  it("takes the midpoint rule where CSIT's formula cannot resolve the load", () => {
    // chi and chi0 round to the same double: CSIT would divide by log(0).
    const value = lfit(1e-9, 1e13, 1);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeLessThan(-1e12);
  });
});

describe("lfitStretch", () => {
  it("loses half the load when the spread dwarfs mrr (the logistic curve is 1/2 there)", () => {
    expect(lfitStretch(1, 1e3, 1e9)).toBeCloseTo(Math.log(0.5), 6);
    expect(lfitStretch(1e3, 1, 1e9)).toBeCloseTo(Math.log(500), 6);
  });

  it("integrates the exponential tail far below mrr: spread * e^(-mrr / spread) * (e^(load / spread) - 1)", () => {
    expect(lfitStretch(100, 1e7, 1e5)).toBeCloseTo(Math.log(1e5 * Math.expm1(100 / 1e5)) - 100, 9);
  });

  it("is the logistic curve at load / 2 times the load", () => {
    const load = 1e-6;
    const mrr = 1e13;
    const spread = 1e9;
    // (mrr - load / 2) / spread = 1e4: log(1 + e^1e4) = 1e4 to double precision.
    expect((load - mrr) / spread).toBe(-mrr / spread);
    expect(lfitStretch(load, mrr, spread)).toBeCloseTo(Math.log(load) - (mrr - load / 2) / spread, 9);
  });
});
