import { describe, expect, it } from "vitest";
import { linearTicks, logCeil, logFloor, logTicks, niceStep } from "../../../../../controller/report/charts/ticks.js";

describe("niceStep", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect([0.13, 1, 1.01, 2, 2.2, 4.9, 5.1, 12, 230, 7e6].map(niceStep)).toEqual([0.2, 1, 2, 2, 5, 5, 10, 20, 500, 1e7]);
  });

  it("refuses steps that are not finite and positive", () => {
    expect(() => niceStep(0)).toThrow(RangeError);
    expect(() => niceStep(Infinity)).toThrow(RangeError);
  });
});

describe("linearTicks", () => {
  it("covers the data with whole steps and clean numbers", () => {
    expect(linearTicks(0.1, 0.95, 5)).toEqual({ domain: [0, 1], step: 0.2, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(linearTicks(9.9e6, 1.0058e7, 5).ticks).toEqual([9.9e6, 9.95e6, 1e7, 1.005e7, 1.01e7]);
  });

  it("keeps a domain that already falls on steps", () => {
    expect(linearTicks(0, 10, 5)).toEqual({ domain: [0, 10], step: 2, ticks: [0, 2, 4, 6, 8, 10] });
  });

  it("gives a single value a range around it", () => {
    expect(linearTicks(5, 5).domain[0]).toBeLessThan(5);
    expect(linearTicks(5, 5).domain[1]).toBeGreaterThan(5);
    expect(linearTicks(0, 0).ticks.length).toBeGreaterThanOrEqual(3);
  });

  it("keeps whole steps for counts", () => {
    expect(linearTicks(1, 3, 8, true)).toEqual({ domain: [1, 3], step: 1, ticks: [1, 2, 3] });
    expect(linearTicks(1, 1, 8, true).ticks).toEqual([0, 1, 2]);
  });

  it("refuses min > max and non-finite bounds", () => {
    expect(() => linearTicks(2, 1)).toThrow(/finite min <= max/);
    expect(() => linearTicks(0, NaN)).toThrow(RangeError);
  });
});

describe("log ticks", () => {
  it("widens to 1-2-5 values", () => {
    expect([9001, 1.488e7, 0.0042, 1].map(logFloor)).toEqual([5000, 1e7, 0.002, 1]);
    expect([9001, 1.488e7, 0.0042, 1].map(logCeil)).toEqual([1e4, 2e7, 0.005, 1]);
  });

  it("labels every power of ten across many decades", () => {
    const ticks = logTicks(1e-6, 1);
    expect(ticks.domain).toEqual([1e-6, 1]);
    expect(ticks.ticks).toEqual([1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1]);
    expect(ticks.minorTicks).toEqual([]);
  });

  it("labels only powers of ten beyond 3 decades (MLRsearch from 9001 pps to 14.88 Mpps)", () => {
    const ticks = logTicks(9001, 1.488e7);
    expect(ticks.domain).toEqual([5000, 2e7]);
    expect(ticks.ticks).toEqual([1e4, 1e5, 1e6, 1e7]);
    expect(ticks.minorTicks).toEqual([]);
  });

  it("labels 1 and 3 with minor grid lines across 1.5 to 3 decades", () => {
    const ticks = logTicks(1.9e5, 1.488e7);
    expect(ticks.domain).toEqual([1e5, 2e7]);
    expect(ticks.ticks).toEqual([1e5, 3e5, 1e6, 3e6, 1e7]);
    expect(ticks.minorTicks).toContain(2e6);
    expect(ticks.minorTicks).toContain(2e7);
    expect(ticks.minorTicks).not.toContain(1e6);
  });

  it("labels 1, 2 and 5 within a decade", () => {
    expect(logTicks(150, 900).ticks).toEqual([100, 200, 500, 1000]);
  });

  it("labels at most 8 powers and keeps the others as grid lines", () => {
    const ticks = logTicks(1e-12, 1);
    expect(ticks.ticks).toEqual([1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1]);
    expect(ticks.minorTicks).toEqual([1e-11, 1e-9, 1e-7, 1e-5, 1e-3, 0.1]);
  });

  it("refuses values <= 0", () => {
    expect(() => logTicks(0, 10)).toThrow(/0 < min <= max/);
  });
});
