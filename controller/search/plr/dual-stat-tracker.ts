/**
 * Primary stats of all samples plus secondary stats of all but the heaviest one (the later one on
 * a tie), as CSIT's ScalarDualStatTracker. When one sample dominates, the two disagree, and the
 * pessimistic variance says so.
 */
import type { ScalarStats } from "./scalar-stat-tracker.js";
import { ScalarStatTracker } from "./scalar-stat-tracker.js";

export interface DualStats {
  readonly primary: ScalarStats;
  readonly secondary: ScalarStats;
  readonly maxLogWeight: number;
}

export class DualStatTracker {
  readonly primary = new ScalarStatTracker();
  readonly secondary = new ScalarStatTracker();
  maxLogWeight = -Infinity;

  add(value: number, logWeight: number): this {
    if (logWeight >= this.maxLogWeight) {
      this.maxLogWeight = logWeight;
      this.secondary.setFrom(this.primary);
    } else {
      this.secondary.add(value, logWeight);
    }
    this.primary.add(value, logWeight);
    return this;
  }

  snapshot(): DualStats {
    return { primary: this.primary.snapshot(), secondary: this.secondary.snapshot(), maxLogWeight: this.maxLogWeight };
  }
}

/** (var1 + var2) / 2 + ((avg1 - avg2) / 2)^2: the variance of the average of the two, as if independent, plus their disagreement. */
export function pessimisticVariance(stats: DualStats): number {
  const { primary, secondary } = stats;
  const halfDifference = (primary.average - secondary.average) / 2;
  return (Math.exp(primary.logVariance) + Math.exp(secondary.logVariance)) / 2 + halfDifference * halfDifference;
}
