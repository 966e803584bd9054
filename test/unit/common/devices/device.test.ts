import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../../common/errors.js";
import { offeredCountFor } from "../../../../common/devices/device.js";

describe("offeredCountFor", () => {
  it("is floor(load * duration)", () => {
    expect(offeredCountFor(9966036.864896277, 1)).toBe(9966036);
    expect(offeredCountFor(1e6, 0.5)).toBe(500000);
    expect(offeredCountFor(0, 10)).toBe(0);
    expect(offeredCountFor(0.9, 1)).toBe(0);
  });

  it.each([
    [-1, 1],
    [Number.NaN, 1],
    [Infinity, 1],
    [1, 0],
    [1, -1],
    [1, Infinity],
    [1e12, 1e6],
  ])("rejects load %s pps for %s s with DEVICE_TRIAL_INVALID", (loadPps, durationS) => {
    expect(() => offeredCountFor(loadPps, durationS)).toThrow(ValidationError);
    try {
      offeredCountFor(loadPps, durationS);
    } catch (error) {
      expect((error as ValidationError).code).toBe("DEVICE_TRIAL_INVALID");
    }
  });
});
