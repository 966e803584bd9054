import { describe, expect, it } from "vitest";
import { logGamma, regularizedIncompleteBeta, studentTCdf, studentTQuantile } from "../../../../controller/analysis/index.js";

/** Two-sided critical values t(0.975, df) from published tables (R: qt(0.975, df), 10+ digits). */
const T_975: ReadonlyArray<readonly [number, number]> = [
  [1, 12.706204736174707],
  [2, 4.302652729749464],
  [3, 3.182446305284263],
  [4, 2.776445105197793],
  [5, 2.570581835636314],
  [9, 2.262157162798205],
  [10, 2.228138851986274],
  [29, 2.045229642132703],
  [30, 2.042272456301238],
  [100, 1.983971518523552],
];

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe("logGamma", () => {
  it("matches factorials and Γ(1/2) = √π", () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(2)).toBeCloseTo(0, 13);
    expect(relativeError(logGamma(11), Math.log(3_628_800))).toBeLessThan(1e-13);
    expect(relativeError(logGamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(1e-13);
    expect(relativeError(logGamma(101), 363.73937555556347)).toBeLessThan(1e-13);
  });

  it("refuses x <= 0", () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe("regularizedIncompleteBeta", () => {
  it("is x^a for b = 1 and 1 - (1 - x)^b for a = 1", () => {
    for (const x of [0.01, 0.3, 0.5, 0.9, 0.999]) {
      expect(relativeError(regularizedIncompleteBeta(x, 3, 1), x ** 3)).toBeLessThan(1e-12);
      expect(relativeError(regularizedIncompleteBeta(x, 1, 4), 1 - (1 - x) ** 4)).toBeLessThan(1e-12);
    }
  });

  it("is symmetric: I_x(a, b) = 1 - I_(1-x)(b, a)", () => {
    expect(regularizedIncompleteBeta(0.3, 2.5, 7)).toBeCloseTo(1 - regularizedIncompleteBeta(0.7, 7, 2.5), 14);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe("studentTQuantile", () => {
  it.each(T_975)("t(0.975, %i) = %f", (degreesOfFreedom, expected) => {
    expect(relativeError(studentTQuantile(0.975, degreesOfFreedom), expected)).toBeLessThan(1e-10);
  });

  it("matches the closed forms for 1 and 2 degrees of freedom across the range", () => {
    for (const p of [0.0005, 0.01, 0.1, 0.3, 0.6, 0.9, 0.95, 0.995, 0.9995]) {
      expect(relativeError(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)))).toBeLessThan(1e-10);
      expect(relativeError(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)))).toBeLessThan(1e-10);
    }
  });

  it("approaches the normal quantile 1.959963984540054 for many degrees of freedom", () => {
    expect(relativeError(studentTQuantile(0.975, 1e7), 1.959963984540054)).toBeLessThan(1e-6);
  });

  it("is 0 at the median, odd around it, and the inverse of the CDF", () => {
    expect(studentTQuantile(0.5, 4)).toBe(0);
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-studentTQuantile(0.975, 4), 12);
    for (const t of [-40, -2.5, -0.1, 0.7, 3, 25]) expect(studentTQuantile(studentTCdf(t, 3), 3)).toBeCloseTo(t, 8);
  });

  it("refuses probabilities outside (0, 1) and degrees of freedom <= 0", () => {
    expect(() => studentTQuantile(1, 3)).toThrow(/probability in \(0, 1\), got 1/);
    expect(() => studentTQuantile(0, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(/degrees of freedom > 0, got 0/);
  });
});

describe("studentTCdf", () => {
  it("is 1/2 + atan(t)/π for one degree of freedom (Cauchy)", () => {
    for (const t of [-30, -1, 0, 0.5, 2, 100]) expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
  });

  it("gives 0.975 at the tabled critical value", () => {
    expect(studentTCdf(2.228138851986274, 10)).toBeCloseTo(0.975, 13);
    expect(studentTCdf(Infinity, 2)).toBe(1);
    expect(studentTCdf(-Infinity, 2)).toBe(0);
  });
});
