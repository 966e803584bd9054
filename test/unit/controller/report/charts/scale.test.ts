import { describe, expect, it } from "vitest";
import { autoScale, linearScale, logScale } from "../../../../../controller/report/charts/scale.js";

describe("scales", () => {
  it("maps a linear domain onto pixels, upside down for y axes", () => {
    const y = linearScale(0, 100, [300, 100]);
    expect(y.domain).toEqual([0, 100]);
    expect(y.map(0)).toBe(300);
    expect(y.map(50)).toBe(200);
    expect(y.map(100)).toBe(100);
  });

  it("puts every decade the same distance apart on a log scale", () => {
    const x = logScale(1e-6, 1, [0, 600]);
    expect(x.map(1e-6)).toBeCloseTo(0, 9);
    expect(x.map(1e-3)).toBeCloseTo(300, 9);
    expect(x.map(1e-2) - x.map(1e-3)).toBeCloseTo(x.map(1e-5) - x.map(1e-6), 9);
    expect(x.map(1)).toBeCloseTo(600, 9);
  });

  it("chooses log for loads spanning a factor of 10 or more, linear otherwise", () => {
    expect(autoScale([9001, 1.488e7], [0, 1]).kind).toBe("log");
    expect(autoScale([1e6, 1e7], [0, 1]).kind).toBe("log");
    expect(autoScale([9.9e6, 1.488e7], [0, 1]).kind).toBe("linear");
    expect(autoScale([0, 1e7], [0, 1]).kind).toBe("linear");
    expect(autoScale([], [0, 1]).domain).toEqual([0, 1]);
  });

  it("keeps every value inside the domain", () => {
    for (const values of [[9001, 1.488e7], [9.9e6, 1.0058e7], [3, 3]]) {
      const scale = autoScale(values, [0, 500]);
      for (const value of values) {
        expect(scale.map(value)).toBeGreaterThanOrEqual(0);
        expect(scale.map(value)).toBeLessThanOrEqual(500);
      }
    }
  });
});
