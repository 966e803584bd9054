import { describe, expect, it } from "vitest";
import { DiscreteWidth } from "../../../../../controller/search/mlr/discrete.js";
import { LoadRounding } from "../../../../../controller/search/mlr/load-rounding.js";
import type { TargetSpec } from "../../../../../controller/search/mlr/target.js";
import { TargetStat } from "../../../../../controller/search/mlr/target-stat.js";

const rounding = new LoadRounding({ minLoadPps: 9001, maxLoadPps: 1.488e7, relativeWidths: [0.005] });

function target(overrides: Partial<TargetSpec> = {}): TargetSpec {
  return {
    goalName: "t",
    lossRatio: 0,
    exceedRatio: 0.5,
    width: DiscreteWidth.fromInt(rounding, 1),
    trialDurationS: 1,
    durationSumS: 21,
    expansionCoefficient: 2,
    failFast: true,
    preceding: null,
    ...overrides,
  };
}

function trials(stat: TargetStat, count: number, lossRatio: number, durationS = 1, overheadS = 0): void {
  for (let index = 0; index < count; index += 1) stat.add({ intendedDurationS: durationS, durationWithOverheadsS: durationS + overheadS, lossRatio });
}

const classify = (stat: TargetStat) => {
  const [optimistic, pessimistic] = stat.estimates();
  return optimistic && pessimistic ? "lower" : !optimistic && !pessimistic ? "upper" : "undecided";
};

describe("TargetStat classification (CSIT goals: exceed ratio 0.5, duration sum 21 s)", () => {
  it("needs 11 good one-second trials for a lower bound", () => {
    const stat = new TargetStat(target());
    trials(stat, 10, 0);
    expect(classify(stat)).toBe("undecided");
    trials(stat, 1, 0);
    expect(classify(stat)).toBe("lower");
  });

  it("needs 11 bad one-second trials for an upper bound", () => {
    const stat = new TargetStat(target());
    trials(stat, 10, 0.01);
    expect(classify(stat)).toBe("undecided");
    trials(stat, 1, 0.01);
    expect(classify(stat)).toBe("upper");
  });

  it("settles a load with 7 trials when each carries 0.5 s of overhead", () => {
    const stat = new TargetStat(target());
    trials(stat, 6, 0, 1, 0.5);
    expect(classify(stat)).toBe("undecided");
    trials(stat, 1, 0, 1, 0.5);
    expect(classify(stat)).toBe("lower");
  });

  it("counts a trial whose loss equals the goal as low-loss (strict >)", () => {
    const stat = new TargetStat(target({ lossRatio: 0.005 }));
    trials(stat, 11, 0.005);
    expect(classify(stat)).toBe("lower");
  });

  it("with exceed ratio 0 one bad trial makes an upper bound", () => {
    const stat = new TargetStat(target({ exceedRatio: 0, durationSumS: 60, trialDurationS: 60 }));
    trials(stat, 1, 1e-6, 60);
    expect(classify(stat)).toBe("upper");
  });

  it("lets good short trials offset bad short ones at e/(1-e)", () => {
    const stat = new TargetStat(target({ trialDurationS: 10 }));
    trials(stat, 5, 0.5, 1);
    trials(stat, 5, 0, 1);
    expect(stat.sums()).toEqual({ goodLongS: 0, badLongS: 0, goodShortS: 5, badShortS: 5 });
    expect(classify(stat)).toBe("undecided");
  });

  it("takes the duration-weighted median of long loss ratios, the lower one on a tie", () => {
    const stat = new TargetStat(target({ lossRatio: 0.1, durationSumS: 4 }));
    trials(stat, 2, 0.001);
    trials(stat, 2, 0.002);
    expect(stat.pessimisticLossRatio).toBe(0.001);
    trials(stat, 1, 0.003);
    expect(stat.pessimisticLossRatio).toBe(0.002);
  });

  it("counts missing duration as total loss", () => {
    const stat = new TargetStat(target());
    trials(stat, 5, 0);
    expect(stat.pessimisticLossRatio).toBe(1);
  });
});
