/** What a search reports per goal (RFC 9971 Goal Result). */
import type { DurationSums } from "./target-stat.js";
import type { RelevantBounds } from "./database.js";
import type { TargetSpec } from "./target.js";

export interface GoalResult {
  readonly name: string;
  readonly lossRatio: number;
  /** RLB load times (1 - pessimistic loss ratio at the RLB); null without an RLB. */
  readonly conditionalThroughputPps: number | null;
  readonly relevantLowerBoundPps: number | null;
  readonly relevantUpperBoundPps: number | null;
  /** Both bounds present (the search stopped on width). False e.g. when max load is a lower bound. */
  readonly regular: boolean;
  readonly lowerBoundSums: DurationSums | null;
  readonly upperBoundSums: DurationSums | null;
}

export function goalResultFrom(target: TargetSpec, bounds: RelevantBounds): GoalResult {
  const { clo, chi } = bounds;
  let conditionalThroughputPps: number | null = null;
  if (clo) {
    // CSIT multiplies the discrete load by (1 - ratio), which refuses a zero factor; a
    // relevant lower bound cannot have a pessimistic ratio of 1, but report 0 if it does.
    conditionalThroughputPps = clo.load.floatLoad * (1 - clo.stat.pessimisticLossRatio);
  }
  return Object.freeze({
    name: target.goalName,
    lossRatio: target.lossRatio,
    conditionalThroughputPps,
    relevantLowerBoundPps: clo ? clo.load.floatLoad : null,
    relevantUpperBoundPps: chi ? chi.load.floatLoad : null,
    regular: clo !== null && chi !== null,
    lowerBoundSums: clo ? clo.stat.sums() : null,
    upperBoundSums: chi ? chi.stat.sums() : null,
  });
}
