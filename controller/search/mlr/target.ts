/**
 * Targets: each goal becomes a chain of targets, the final one with the goal's values and
 * `precedingTargets` coarser ones before it (shorter duration sums, doubled widths), so the
 * search converges cheaply before paying for the full duration sum.
 */
import { DiscreteWidth } from "./discrete.js";
import type { SearchGoal } from "./goal.js";
import type { LoadRounding } from "./load-rounding.js";

export interface TargetSpec {
  readonly goalName: string;
  readonly lossRatio: number;
  readonly exceedRatio: number;
  readonly width: DiscreteWidth;
  readonly trialDurationS: number;
  readonly durationSumS: number;
  readonly expansionCoefficient: number;
  readonly failFast: boolean;
  /** The next coarser target of the same goal, or null for the first (coarsest) one. */
  readonly preceding: TargetSpec | null;
}

export interface TargetScaling {
  /** Every target, coarsest first within each goal, goals in order. */
  readonly targets: readonly TargetSpec[];
  /** The final target of each goal, in goal order. */
  readonly finalTargets: readonly TargetSpec[];
}

export function scaleTargets(goals: readonly SearchGoal[], rounding: LoadRounding): TargetScaling {
  const targets: TargetSpec[] = [];
  const finalTargets: TargetSpec[] = [];
  for (const goal of goals) {
    let width = DiscreteWidth.fromFloat(rounding, goal.relativeWidth).roundedDown();
    const standalone: Array<Omit<TargetSpec, "preceding">> = [];
    const common = {
      goalName: goal.name,
      lossRatio: goal.lossRatio,
      exceedRatio: goal.exceedRatio,
      expansionCoefficient: goal.expansionCoefficient,
    };
    standalone.push({ ...common, width, trialDurationS: goal.finalTrialDurationS, durationSumS: goal.durationSumS, failFast: goal.failFast });
    const count = goal.precedingTargets;
    const multiplier = count > 0 ? Math.pow(goal.initialTrialDurationS / goal.durationSumS, 1 / count) : 1;
    for (let step = 1; step <= count; step += 1) {
      const durationSumS = step >= count ? goal.initialTrialDurationS : goal.durationSumS * Math.pow(multiplier, step);
      width = width.times(2);
      standalone.push({
        ...common,
        width,
        trialDurationS: Math.min(goal.finalTrialDurationS, durationSumS),
        durationSumS,
        failFast: false,
      });
    }
    let preceding: TargetSpec | null = null;
    for (const spec of standalone.reverse()) {
      const linked: TargetSpec = Object.freeze({ ...spec, preceding });
      targets.push(linked);
      preceding = linked;
    }
    if (preceding) finalTargets.push(preceding);
  }
  return { targets, finalTargets };
}

export function describeTarget(target: TargetSpec): string {
  return `${target.goalName} lr=${target.lossRatio},er=${target.exceedRatio},ds=${target.durationSumS},w=${target.width.intWidth}`;
}
