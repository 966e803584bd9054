import { describe, expect, it } from "vitest";
import { erfc, erfcx } from "../../../../common/devices/erfcx.js";

/** [x, erfcx(x), erfc(x)]: mpmath values at 30 digits, rounded to the nearest double. */
const REFERENCE: ReadonlyArray<readonly [number, number, number]> = [
  [0, 1, 1],
  [1e-10, 0.999999999887162, 0.999999999887162],
  [0.3, 0.7345993345676551, 0.6713732405408726],
  [0.46875, 0.6320696892495561, 0.507386526782062],
  [0.5, 0.6156903441929259, 0.4795001221869535],
  [1, 0.427583576155807, 0.15729920705028513],
  [2, 0.25539567631050575, 0.004677734981047266],
  [4, 0.13699945762506138, 1.541725790028002e-8],
  [4.5, 0.12248480427384142, 1.9661604415428876e-10],
  [10, 0.05614099274382259, 2.088487583762545e-45],
  [100, 0.005641613782989433, 0],
  [1e5, 5.6418958351954685e-6, 0],
  [-0.3, 1.4537492328427655, 1.3286267594591274],
  [-1, 5.008980080762283, 1.8427007929497148],
  [-5, 144009798674.66104, 1.9999999999984626],
  [-20, 1.0442939379528289e174, 2],
];

function relativeError(value: number, expected: number): number {
  return expected === 0 ? Math.abs(value) : Math.abs(value - expected) / Math.abs(expected);
}

describe("erfcx and erfc (Cody)", () => {
  it.each(REFERENCE)("x = %s", (x, expectedErfcx, expectedErfc) => {
    expect(relativeError(erfcx(x), expectedErfcx)).toBeLessThan(2e-15);
    expect(relativeError(erfc(x), expectedErfc)).toBeLessThan(2e-15);
  });

  it("handles the far tails without NaN", () => {
    expect(relativeError(erfcx(1e300), 0.5641895835477563 / 1e300)).toBeLessThan(1e-15);
    expect(erfc(Infinity)).toBe(0);
    expect(erfcx(Infinity)).toBe(0);
    expect(erfcx(-30)).toBe(Infinity);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(30)).toBe(0);
    expect(erfcx(Number.NaN)).toBeNaN();
  });

  it("is decreasing in x", () => {
    let previous = Infinity;
    for (let x = -10; x <= 50; x += 0.01) {
      const value = erfcx(x);
      expect(value).toBeLessThanOrEqual(previous);
      previous = value;
    }
  });
});
