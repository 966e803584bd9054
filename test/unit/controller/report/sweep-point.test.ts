import { describe, expect, it } from "vitest";
import { compareSweepValues, experimentIdentity, parseSweepValue } from "../../../../controller/report/sweep-point.js";

describe("experimentIdentity", () => {
  it("takes the stored sweep point and name when the parameters have them", () => {
    expect(experimentIdentity("hard[options.width=0.01]", { name: "hard", sweepPoint: { parameter: "options.width", value: 0.01 } })).toEqual({
      name: "hard",
      sweep: { parameter: "options.width", value: 0.01 },
    });
  });

  it("takes the orchestrator's parameters.sweep, with the name from the key", () => {
    expect(experimentIdentity("hard[options.width=0.01]", { testbed: "local", sweep: { parameter: "options.width", value: 0.01 } })).toEqual({
      name: "hard",
      sweep: { parameter: "options.width", value: 0.01 },
    });
    expect(experimentIdentity("plain", { testbed: "local", sweep: null })).toEqual({ name: "plain", sweep: null });
  });

  it("reads the key form name[parameter=value] otherwise, with numbers and booleans typed", () => {
    expect(experimentIdentity("stretch[device.mrrPps=5e6]", { device: "stretch" })).toEqual({ name: "stretch", sweep: { parameter: "device.mrrPps", value: 5e6 } });
    expect(experimentIdentity("hard[options.failFast=false]", null)).toEqual({ name: "hard", sweep: { parameter: "options.failFast", value: false } });
    expect(experimentIdentity("hard[options.preset=rfc2544]", [])).toEqual({ name: "hard", sweep: { parameter: "options.preset", value: "rfc2544" } });
  });

  it("has no sweep point for plain keys, or when the parameters say sweepPoint: null", () => {
    expect(experimentIdentity("hard-10M", {})).toEqual({ name: "hard-10M", sweep: null });
    expect(experimentIdentity("odd[a=b]", { sweepPoint: null })).toEqual({ name: "odd[a=b]", sweep: null });
  });

  it("parses values as the key spells them", () => {
    expect(["10", "-2.5", "1e-3", ".5", "true", "0x10", " "].map(parseSweepValue)).toEqual([10, -2.5, 0.001, 0.5, true, "0x10", " "]);
  });
});

describe("compareSweepValues", () => {
  it("orders numbers numerically before text", () => {
    expect([10, "b", 2, "a", 1e6, true].sort(compareSweepValues)).toEqual([2, 10, 1e6, "a", "b", true]);
  });
});
