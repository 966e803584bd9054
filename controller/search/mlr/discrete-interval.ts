import type { DiscreteLoad, DiscreteWidth } from "./discrete.js";

/** A pair of round loads, ordered, with the width between them. */
export class DiscreteInterval {
  readonly lower: DiscreteLoad;
  readonly upper: DiscreteLoad;
  readonly width: DiscreteWidth;

  constructor(first: DiscreteLoad, second: DiscreteLoad) {
    if (!first.isRound || !second.isRound) throw new Error(`interval bounds must be round: ${first}, ${second}`);
    [this.lower, this.upper] = first.gt(second) ? [second, first] : [first, second];
    this.width = this.upper.widthFrom(this.lower);
  }

  widthInGoals(goal: DiscreteWidth): number {
    return this.width.intWidth / goal.intWidth;
  }

  /**
   * The split point MLRsearch bisects at. Not an even midpoint: one part is a
   * power-of-two multiple of the goal width, the split is the most even such one
   * (largest product of the parts), and the smaller part is the lower one, so the
   * next trial sits nearer the lower bound. Exactly two goal widths split evenly;
   * between one and two, retry with half the goal width when it is even, else split
   * the interval evenly.
   */
  middle(goal: DiscreteWidth): DiscreteLoad {
    const intSelf = this.width.intWidth;
    const intGoal = goal.intWidth;
    if (intSelf <= intGoal) throw new Error(`interval ${this.lower}..${this.upper} is already narrow enough to not halve`);
    if (intSelf === 2 * intGoal) return this.lower.plus(goal);
    if (intSelf < 2 * intGoal) {
      if (intGoal % 2 === 0) return this.middle(goal.halfRoundedDown());
      return this.lower.plus(this.width.halfRoundedDown());
    }
    let hiWidth = goal;
    let loWidth = this.width.minus(hiWidth);
    let hi2Width: DiscreteWidth;
    let lo2Width: DiscreteWidth;
    for (;;) {
      hi2Width = hiWidth.times(2);
      lo2Width = this.width.minus(hi2Width);
      if (!lo2Width.gt(hi2Width)) break;
      hiWidth = hi2Width;
      loWidth = lo2Width;
    }
    if (hiWidth.intWidth * loWidth.intWidth > hi2Width.intWidth * lo2Width.intWidth) lo2Width = hiWidth;
    return this.lower.plus(lo2Width);
  }
}
