/** Search outcomes as `results` rows: MLRsearch goals and the RFC 2544 throughput. */
import type { GoalResult } from "../search/mlr/result.js";
import type { Rfc2544Result } from "../search/rfc2544/search.js";
import type { GoalResultInput } from "./records.js";

/** One row per MLRsearch goal; the duration sums at the bounds go to `extra`. */
export function mlrResultInputs(goals: readonly GoalResult[]): GoalResultInput[] {
  return goals.map((goal) => ({
    kind: "goal",
    goalName: goal.name,
    lossRatio: goal.lossRatio,
    conditionalThroughputPps: goal.conditionalThroughputPps,
    relevantLowerBoundPps: goal.relevantLowerBoundPps,
    relevantUpperBoundPps: goal.relevantUpperBoundPps,
    regular: goal.regular,
    extra: { lowerBoundSums: goal.lowerBoundSums, upperBoundSums: goal.upperBoundSums },
  }));
}

/** The RFC 2544 throughput as a goal row: throughput and lower bound are the highest passing load. */
export function rfc2544ResultInput(result: Rfc2544Result, lossRatio: number, goalName = "RFC2544"): GoalResultInput {
  return {
    kind: "goal",
    goalName,
    lossRatio,
    conditionalThroughputPps: result.throughputPps,
    relevantLowerBoundPps: result.lowerBoundPps,
    relevantUpperBoundPps: result.upperBoundPps,
    regular: result.upperBoundPps !== null,
    extra: { trialSecondsSum: result.trialSecondsSum, effectiveSecondsSum: result.effectiveSecondsSum },
  };
}
