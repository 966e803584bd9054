import { describe, expect, it } from "vitest";
import { LoadRounding } from "../../../../../controller/search/mlr/load-rounding.js";
import { DiscreteLoad, DiscreteWidth } from "../../../../../controller/search/mlr/discrete.js";

const csit = () => new LoadRounding({ minLoadPps: 9001, maxLoadPps: 1.488e7, relativeWidths: [0.005] });

describe("LoadRounding (the discrete load grid)", () => {
  it("sizes the CSIT grid as CSIT does: N = 1479, goal width one unit", () => {
    const rounding = csit();
    expect(rounding.maxIntLoad).toBe(1479);
    const width = DiscreteWidth.fromFloat(rounding, 0.005).roundedDown();
    expect(width.intWidth).toBe(1);
    expect(width.floatWidth).toBeCloseTo(0.0049979, 6);
  });

  it("maps the ends onto min and max load and clamps outside them", () => {
    const rounding = csit();
    expect(rounding.intToFloat(0)).toBe(9001);
    expect(rounding.intToFloat(-5)).toBe(9001);
    expect(rounding.intToFloat(1479)).toBe(1.488e7);
    expect(rounding.intToFloat(5000)).toBe(1.488e7);
    expect(rounding.floatToInt(1)).toBe(0);
    expect(rounding.floatToInt(1e12)).toBe(1479);
  });

  it("is strictly increasing and round-trips every grid index", () => {
    const rounding = csit();
    let previous = 0;
    for (let index = 0; index <= rounding.maxIntLoad; index += 1) {
      const load = rounding.intToFloat(index);
      expect(load).toBeGreaterThan(previous);
      expect(rounding.floatToInt(load)).toBe(index);
      previous = load;
    }
  });

  it("rounds a load between grid values down", () => {
    const rounding = csit();
    const low = rounding.intToFloat(700);
    const high = rounding.intToFloat(701);
    expect(rounding.floatToInt((low + high) / 2)).toBe(700);
    expect(rounding.floatToInt(high * (1 - 1e-12))).toBe(700);
    expect(rounding.floatToInt(high)).toBe(701);
  });

  it("gives the same values whatever order the grid is queried in", () => {
    const forward = csit();
    const backward = csit();
    const forwardValues = Array.from({ length: 1480 }, (_, index) => forward.intToFloat(index));
    const backwardValues = Array.from({ length: 1480 }, (_, index) => backward.intToFloat(1479 - index)).reverse();
    expect(backwardValues).toEqual(forwardValues);
  });

  it("spaces the grid geometrically (every step about the same ratio)", () => {
    const rounding = csit();
    const expectedRatio = Math.exp(Math.log(1.488e7 / 9001) / 1479);
    for (const index of [1, 100, 739, 740, 1478]) {
      expect(rounding.intToFloat(index) / rounding.intToFloat(index - 1)).toBeCloseTo(expectedRatio, 9);
    }
  });

  it("keeps every goal within [0.99, 0.999999] of a whole number of units", () => {
    const rounding = new LoadRounding({ minLoadPps: 1e3, maxLoadPps: 1e9, relativeWidths: [0.005, 0.02, 0.001] });
    const unit = Math.log(1e9 / 1e3) / rounding.maxIntLoad;
    for (const width of [0.005, 0.02, 0.001]) {
      const units = -Math.log1p(-width) / unit;
      const quality = Math.floor(units) / units;
      expect(quality).toBeGreaterThanOrEqual(0.99);
      expect(quality).toBeLessThanOrEqual(0.999999);
    }
  });

  it("rejects limits it cannot grid", () => {
    expect(() => new LoadRounding({ minLoadPps: 0, maxLoadPps: 10, relativeWidths: [0.005] })).toThrow(/load limits/);
    expect(() => new LoadRounding({ minLoadPps: 10, maxLoadPps: 10, relativeWidths: [0.005] })).toThrow(/load limits/);
    expect(() => new LoadRounding({ minLoadPps: 1, maxLoadPps: 10, relativeWidths: [1.5] })).toThrow(/goal width/);
  });
});

describe("DiscreteLoad", () => {
  it("compares by float load and knows when it is round", () => {
    const rounding = csit();
    const grid = DiscreteLoad.fromInt(rounding, 100);
    const off = DiscreteLoad.fromFloat(rounding, grid.floatLoad * 1.0001);
    expect(grid.isRound).toBe(true);
    expect(off.isRound).toBe(false);
    expect(off.intLoad).toBe(100);
    expect(off.roundedDown().eq(grid)).toBe(true);
    expect(grid.lt(off)).toBe(true);
  });
});
