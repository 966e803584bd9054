/**
 * Width bookkeeping for external search (CSIT GlobalWidth and TargetedExpander):
 * each step away from a bound multiplies the width by the expansion coefficient,
 * so a search that keeps missing the other bound widens exponentially.
 */
import { maxWidth, type DiscreteLoad, type DiscreteWidth } from "./discrete.js";
import type { TargetSpec } from "./target.js";

/** The minimum width of the next external search step, shared by all selectors. */
export class GlobalWidth {
  constructor(public width: DiscreteWidth) {}

  orLarger(width: DiscreteWidth): DiscreteWidth {
    return width.gt(this.width) ? width : this.width;
  }
}

export class TargetedExpander {
  private nextWidth: DiscreteWidth;

  constructor(
    private readonly target: TargetSpec,
    private readonly globalWidth: GlobalWidth,
    initialLowerLoad: DiscreteLoad | null,
    initialUpperLoad: DiscreteLoad | null,
  ) {
    this.nextWidth = target.width;
    if (initialLowerLoad && initialUpperLoad) {
      this.nextWidth = maxWidth(this.nextWidth, initialUpperLoad.widthFrom(initialLowerLoad));
    }
    this.expand(false);
  }

  expand(bumpGlobal = true): void {
    this.nextWidth = this.nextWidth.times(this.target.expansionCoefficient);
    if (bumpGlobal) this.globalWidth.width = this.nextWidth;
  }

  width(): DiscreteWidth {
    return this.globalWidth.orLarger(this.nextWidth);
  }

  /** After an internal step of `lastWidth`, the next external step starts from it again. */
  limit(lastWidth: DiscreteWidth): void {
    this.nextWidth = maxWidth(lastWidth, this.target.width);
    this.expand(false);
  }
}
