import { describe, expect, it } from "vitest";
import { compileConfig, compileGoal } from "../../../../../controller/search/mlr/goal.js";
import { presetGoals } from "../../../../../controller/search/mlr/presets.js";

const goal = (fields: Record<string, unknown>) => () => compileGoal({ name: "g", ...fields });

describe("search goal and config validation", () => {
  it.each([
    [{ lossRatio: 1 }, /lossRatio \(goal g\) must be in \[0, 1\); got 1/],
    [{ exceedRatio: 1 }, /exceedRatio .* must be in \[0, 1\); got 1/],
    [{ exceedRatio: -0.1 }, /got -0.1/],
    [{ relativeWidth: 0 }, /relativeWidth .* must be in \(0, 1\); got 0/],
    [{ relativeWidth: 1 }, /relativeWidth/],
    [{ initialTrialDurationS: 0 }, /initialTrialDurationS/],
    [{ finalTrialDurationS: 0.5 }, /finalTrialDurationS .* at least the initial trial duration/],
    [{ durationSumS: 0.5 }, /durationSumS .* at least the final trial duration/],
    [{ expansionCoefficient: 1 }, /expansionCoefficient .* an integer above 1; got 1/],
    [{ precedingTargets: 0 }, /precedingTargets/],
    [{ precedingTargets: 1.5 }, /precedingTargets/],
  ])("rejects %j", (fields, message) => {
    expect(goal(fields)).toThrow(message);
    try {
      goal(fields)();
    } catch (error) {
      expect((error as { code: string }).code).toBe("SEARCH_OPTION_INVALID");
      expect((error as { userError: boolean }).userError).toBe(true);
    }
  });

  it("allows zero preceding targets when one initial trial fills the duration sum", () => {
    expect(compileGoal({ name: "g", precedingTargets: 0, initialTrialDurationS: 21, finalTrialDurationS: 21 }).precedingTargets).toBe(0);
  });

  it("names options through the caller's namer", () => {
    expect(() => compileGoal({ name: "PDR", exceedRatio: 2 }, (key) => (key === "exceedRatio" ? "--exceed-ratio" : key))).toThrow(
      /--exceed-ratio \(goal PDR\) must be in \[0, 1\); got 2/,
    );
  });

  it("rejects min >= max load, empty and duplicate goals", () => {
    const goals = [compileGoal({ name: "a" })];
    expect(() => compileConfig({ goals, minLoadPps: 10, maxLoadPps: 10 })).toThrow(/maxLoadPps must be above minLoadPps \(10 pps\); got 10/);
    expect(() => compileConfig({ goals, minLoadPps: -1, maxLoadPps: 10 })).toThrow(/minLoadPps/);
    expect(() => compileConfig({ goals: [], maxLoadPps: 1e6 })).toThrow(/at least one goal/);
    expect(() => compileConfig({ goals: [compileGoal({ name: "a" }), compileGoal({ name: "b" })], maxLoadPps: 1e6 })).toThrow(/duplicates/);
  });

  it("has CSIT's NDR/PDR and RFC 9971's RFC 2544 goals as presets", () => {
    expect(presetGoals("csit-ndrpdr").map((g) => [g.name, g.lossRatio])).toEqual([["NDR", 0], ["PDR", 0.005]]);
    expect(presetGoals("csit-ndrpdr", { pdrLossRatio: 0.01 })[1]?.lossRatio).toBe(0.01);
    expect(presetGoals("rfc2544")[0]).toMatchObject({ lossRatio: 0, exceedRatio: 0, finalTrialDurationS: 60, durationSumS: 60 });
    expect(() => presetGoals("ndr")).toThrow(/--preset got "ndr"; known presets: csit-ndrpdr, rfc2544/);
  });
});
