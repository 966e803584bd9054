import { describe, expect, it } from "vitest";
import { createSplitMix64 } from "../../../../../common/devices/rng.js";
import { isTestbenchError } from "../../../../../common/errors.js";
import { drawInsideUnitSquare } from "../../../../../controller/search/plr/focus-sampler.js";
import { UNIT_FOCUS } from "../../../../../controller/search/plr/focus-tracker.js";

describe("drawInsideUnitSquare", () => {
  it("draws from mean + L z with the Cholesky factor of scale * covariance (hand-computed first point)", () => {
    const focus = { logSumWeight: 0, mean0: 0.1, mean1: -0.2, cov00: 0.004, cov01: 0.001, cov11: 0.002 };
    const reference = createSplitMix64(42);
    const z0 = reference.normal();
    const z1 = reference.normal();
    const l00 = Math.sqrt(5 * 0.004);
    const l10 = (5 * 0.001) / l00;
    const l11 = Math.sqrt(5 * 0.002 - l10 * l10);
    const out = new Float64Array(2);
    expect(drawInsideUnitSquare(createSplitMix64(42), focus, 5, out)).toBe(1);
    expect(out[0]).toBeCloseTo(0.1 + l00 * z0, 15);
    expect(out[1]).toBeCloseTo(-0.2 + l10 * z0 + l11 * z1, 15);
  });

  it("has the focus mean and scaled covariance, and redraws points outside the square", () => {
    const focus = { logSumWeight: 0, mean0: 0.2, mean1: -0.1, cov00: 0.01, cov01: -0.004, cov11: 0.006 };
    const rng = createSplitMix64(7);
    const out = new Float64Array(2);
    const n = 40_000;
    let s0 = 0;
    let s1 = 0;
    let s00 = 0;
    let s01 = 0;
    let s11 = 0;
    for (let i = 0; i < n; i += 1) {
      drawInsideUnitSquare(rng, focus, 2, out);
      const d0 = (out[0] as number) - focus.mean0;
      const d1 = (out[1] as number) - focus.mean1;
      s0 += d0;
      s1 += d1;
      s00 += d0 * d0;
      s01 += d0 * d1;
      s11 += d1 * d1;
    }
    expect(Math.abs(s0 / n)).toBeLessThan(0.003);
    expect(Math.abs(s1 / n)).toBeLessThan(0.003);
    expect(s00 / n).toBeCloseTo(0.02, 3);
    expect(s01 / n).toBeCloseTo(-0.008, 3);
    expect(s11 / n).toBeCloseTo(0.012, 3);
    let draws = 0;
    for (let i = 0; i < 2000; i += 1) {
      draws += drawInsideUnitSquare(rng, { ...UNIT_FOCUS, mean0: 0.9 }, 5, out);
      expect(Math.abs(out[0] as number)).toBeLessThan(1);
      expect(Math.abs(out[1] as number)).toBeLessThan(1);
    }
    expect(draws).toBeGreaterThan(4000);
  });

  it("treats a covariance rounded to indefinite as flat in that direction", () => {
    const out = new Float64Array(2);
    drawInsideUnitSquare(createSplitMix64(1), { logSumWeight: 0, mean0: 0.3, mean1: 0.3, cov00: 0, cov01: 0, cov11: -1e-20 }, 5, out);
    expect([...out]).toEqual([0.3, 0.3]);
  });

  it("gives up with a numeric error on a focus it can never draw inside", () => {
    try {
      drawInsideUnitSquare(createSplitMix64(1), { logSumWeight: 0, mean0: 3, mean1: 0, cov00: 1e-6, cov01: 0, cov11: 1e-6 }, 5, new Float64Array(2));
      expect.unreachable();
    } catch (error) {
      expect(isTestbenchError(error) && error.code).toBe("PLR_INTEGRATION_NUMERIC");
    }
  });
});
