import { describe, expect, it } from "vitest";
import { createSplitMix64 } from "../../../../common/devices/rng.js";

describe("createSplitMix64", () => {
  it("gives the published SplitMix64 outputs", () => {
    const fromZero = createSplitMix64(0);
    expect([fromZero.nextUint64(), fromZero.nextUint64(), fromZero.nextUint64()]).toEqual([
      0xe220a8397b1dcdafn,
      0x6e789e6aa1b965f4n,
      0x06c45d188009454fn,
    ]);
    const rng = createSplitMix64(1234567);
    expect(Array.from({ length: 5 }, () => rng.nextUint64())).toEqual([
      6457827717110365317n,
      3203168211198807973n,
      9817491932198370423n,
      4593380528125082431n,
      16408922859458223821n,
    ]);
  });

  it("maps the top 53 bits to a uniform in (0, 1) with a half-step offset", () => {
    const raw = createSplitMix64(7);
    const uniform = createSplitMix64(7);
    for (let i = 0; i < 100; i += 1) {
      const expected = (Number(raw.nextUint64() >> 11n) + 0.5) / 2 ** 53;
      const value = uniform.uniform();
      expect(value).toBe(expected);
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(1);
    }
    expect(createSplitMix64(1).uniform()).toBe(0.566561575172281);
  });

  it("draws a normal by Box-Muller from two uniforms: radius first, cosine of the angle", () => {
    const uniforms = createSplitMix64(1);
    const u1 = uniforms.uniform();
    const u2 = uniforms.uniform();
    const normals = createSplitMix64(1);
    expect(normals.normal()).toBe(Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
    // No cached second normal: the next draw starts from the third uniform.
    const third = uniforms.uniform();
    const fourth = uniforms.uniform();
    expect(normals.normal()).toBe(Math.sqrt(-2 * Math.log(third)) * Math.cos(2 * Math.PI * fourth));
  });

  it("has roughly standard normal moments", () => {
    const rng = createSplitMix64(42);
    const count = 20000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < count; i += 1) {
      const z = rng.normal();
      sum += z;
      sumSquares += z * z;
    }
    expect(Math.abs(sum / count)).toBeLessThan(0.05);
    expect(Math.abs(sumSquares / count - 1)).toBeLessThan(0.05);
  });

  it("accepts bigint seeds modulo 2^64 and rejects non-integer numbers", () => {
    expect(createSplitMix64(2n ** 64n + 5n).nextUint64()).toBe(createSplitMix64(5).nextUint64());
    expect(() => createSplitMix64(1.5)).toThrow(RangeError);
    expect(() => createSplitMix64(Number.NaN)).toThrow(RangeError);
  });
});
