/**
 * Per load and target: the four duration sums and the load classification
 * (RFC 9971 / CSIT TargetStat). Sums add effective durations (with overheads);
 * "long" is judged on intended duration.
 */
import type { TargetSpec } from "./target.js";

export interface DurationSums {
  /** Good long: low-loss trials at least the target trial duration. */
  readonly goodLongS: number;
  readonly badLongS: number;
  readonly goodShortS: number;
  readonly badShortS: number;
}

export interface StatInput {
  readonly intendedDurationS: number;
  readonly durationWithOverheadsS: number;
  readonly lossRatio: number;
}

export class TargetStat implements DurationSums {
  goodLongS = 0;
  badLongS = 0;
  goodShortS = 0;
  badShortS = 0;
  /** Loss ratio of long trials -> summed effective duration. */
  private readonly longLosses = new Map<number, number>();

  constructor(readonly target: TargetSpec) {}

  add(trial: StatInput): void {
    const durationS = trial.durationWithOverheadsS;
    const highLoss = trial.lossRatio > this.target.lossRatio;
    if (trial.intendedDurationS >= this.target.trialDurationS) {
      this.longLosses.set(trial.lossRatio, (this.longLosses.get(trial.lossRatio) ?? 0) + durationS);
      if (highLoss) this.badLongS += durationS;
      else this.goodLongS += durationS;
    } else if (highLoss) {
      this.badShortS += durationS;
    } else {
      this.goodShortS += durationS;
    }
  }

  /**
   * [optimistic, pessimistic]: would the load be a lower bound if all missing time came
   * out good (optimistic), or bad (pessimistic)? Both: lower bound; neither: upper bound.
   */
  estimates(): [boolean, boolean] {
    const coefficient = this.target.exceedRatio;
    const decrease = (this.goodShortS * coefficient) / (1 - coefficient);
    const shortExcess = this.badShortS - decrease;
    const effectiveExcess = this.badLongS + Math.max(0, shortExcess);
    const effectiveDurationSum = Math.max(this.goodLongS + effectiveExcess, this.target.durationSumS);
    const limit = effectiveDurationSum * this.target.exceedRatio;
    return [effectiveExcess <= limit, effectiveDurationSum - this.goodLongS <= limit];
  }

  /**
   * The (1 - exceed ratio) quantile of long-trial loss ratios, weighted by duration,
   * where missing duration (up to the duration sum) counts as total loss.
   */
  get pessimisticLossRatio(): number {
    const allLongS = Math.max(this.target.durationSumS, this.goodLongS + this.badLongS);
    let remainingS = allLongS * (1 - this.target.exceedRatio);
    // CSIT compares the remainder with 0 exactly. Its sums are added in a different order
    // than the per-ratio groups, so float drift can leave ~1e-16 s "missing" and turn the
    // ratio into 1 (CSIT then fails computing 0 * load). Remainders below this are drift.
    const driftS = allLongS * 1e-9;
    let ratio: number | null = null;
    for (const [lossRatio, durationS] of [...this.longLosses].sort((a, b) => a[0] - b[0])) {
      if (ratio !== null && !(remainingS > driftS)) return ratio;
      ratio = lossRatio;
      remainingS -= durationS;
    }
    return remainingS > driftS || ratio === null ? 1 : ratio;
  }

  sums(): DurationSums {
    return { goodLongS: this.goodLongS, badLongS: this.badLongS, goodShortS: this.goodShortS, badShortS: this.badShortS };
  }
}
