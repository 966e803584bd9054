import { describe, expect, it } from "vitest";
import { DiscreteLoad, DiscreteWidth } from "../../../../../controller/search/mlr/discrete.js";
import { DiscreteInterval } from "../../../../../controller/search/mlr/discrete-interval.js";
import { LoadRounding } from "../../../../../controller/search/mlr/load-rounding.js";

const rounding = new LoadRounding({ minLoadPps: 9001, maxLoadPps: 1.488e7, relativeWidths: [0.005] });
const load = (index: number) => DiscreteLoad.fromInt(rounding, index);
const width = (units: number) => DiscreteWidth.fromInt(rounding, units);
const split = (lower: number, upper: number, goalUnits: number) => new DiscreteInterval(load(lower), load(upper)).middle(width(goalUnits)).intLoad - lower;

describe("DiscreteInterval.middle (MLRsearch's uneven bisection)", () => {
  it("splits exactly two goal widths evenly", () => {
    expect(split(100, 104, 2)).toBe(2);
    expect(split(100, 102, 1)).toBe(1);
  });

  it("splits unevenly: one part a power-of-two multiple of the goal, the most even such split, the smaller part below", () => {
    // 11 units, goal 1: candidate splits 4|7 (product 28) and 3|8 (24) -> lower part 4.
    expect(split(100, 111, 1)).toBe(4);
    // 20 units: 8|12 (96) beats 4|16 (64).
    expect(split(100, 120, 1)).toBe(8);
    // 16 units: 8|8 is exact.
    expect(split(100, 116, 1)).toBe(8);
    // 5 units: 2|3 (6) beats 1|4 (4).
    expect(split(100, 105, 1)).toBe(2);
    // 13 units, goal 3: 6|7 (42) beats 1|12 (12).
    expect(split(100, 113, 3)).toBe(6);
  });

  it("between one and two widths halves the goal when it is even, else splits evenly", () => {
    expect(split(100, 106, 4)).toBe(2);
    expect(split(100, 105, 3)).toBe(2);
  });

  it("refuses to split an interval already within one goal width", () => {
    expect(() => split(100, 101, 1)).toThrow(/narrow enough/);
  });

  it("orders its bounds", () => {
    const interval = new DiscreteInterval(load(120), load(100));
    expect(interval.lower.intLoad).toBe(100);
    expect(interval.width.intWidth).toBe(20);
    expect(interval.widthInGoals(width(5))).toBe(4);
  });
});
