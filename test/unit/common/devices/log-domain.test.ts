import { describe, expect, it } from "vitest";
import { logMinus, logPlus } from "../../../../common/devices/log-domain.js";

describe("logPlus", () => {
  it("adds numbers given as logarithms", () => {
    expect(logPlus(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 15);
    expect(logPlus(Math.log(3), Math.log(2))).toBeCloseTo(Math.log(5), 15);
    expect(logPlus(0, 0)).toBeCloseTo(Math.LN2, 15);
  });

  it("neither overflows nor loses the smaller operand needlessly", () => {
    expect(logPlus(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logPlus(-1000, -1001)).toBeCloseTo(-1000 + Math.log(1 + Math.exp(-1)), 12);
    expect(logPlus(1e300, 0)).toBe(1e300);
  });

  it("treats -Infinity as log(0)", () => {
    expect(logPlus(-Infinity, 5)).toBe(5);
    expect(logPlus(5, -Infinity)).toBe(5);
    expect(logPlus(-Infinity, -Infinity)).toBe(-Infinity);
  });
});

describe("logMinus", () => {
  it("subtracts numbers given as logarithms", () => {
    expect(logMinus(Math.log(5), Math.log(3))).toBeCloseTo(Math.log(2), 14);
    expect(logMinus(1000, 1000 - Math.LN2)).toBeCloseTo(1000 - Math.LN2, 12);
    expect(logMinus(0, -1e-10)).toBeCloseTo(Math.log(1e-10), 6);
  });

  it("follows IEEE log for a zero or negative difference", () => {
    expect(logMinus(3, 3)).toBe(-Infinity);
    expect(logMinus(3, 4)).toBeNaN();
    expect(logMinus(3, -Infinity)).toBe(3);
  });
});
