/**
 * Loads and widths on the discrete grid. Both carry an integer form (exact arithmetic)
 * and a float form (what the measurer gets, and what comparisons use, as in CSIT:
 * loads compare by float load, widths by float width).
 */
import type { LoadRounding } from "./load-rounding.js";

export class DiscreteWidth {
  private constructor(
    readonly rounding: LoadRounding,
    readonly intWidth: number,
    readonly floatWidth: number,
  ) {}

  /** A width of whole grid units; its relative width is 1 - load(0) / load(k). */
  static fromInt(rounding: LoadRounding, intWidth: number): DiscreteWidth {
    const increasedLoad = rounding.intToFloat(intWidth);
    return new DiscreteWidth(rounding, intWidth, (increasedLoad - rounding.minLoadPps) / increasedLoad);
  }

  /** The widest whole-unit width not wider than the relative width; keeps the float as given. */
  static fromFloat(rounding: LoadRounding, relativeWidth: number): DiscreteWidth {
    const increasedLoad = rounding.minLoadPps / (1 - relativeWidth);
    let intWidth = rounding.floatToInt(increasedLoad);
    if (rounding.intToFloat(intWidth) > increasedLoad) intWidth -= 1;
    return new DiscreteWidth(rounding, intWidth, relativeWidth);
  }

  roundedDown(): DiscreteWidth {
    return DiscreteWidth.fromInt(this.rounding, this.intWidth);
  }

  plus(other: DiscreteWidth): DiscreteWidth {
    return DiscreteWidth.fromInt(this.rounding, this.intWidth + other.intWidth);
  }

  minus(other: DiscreteWidth): DiscreteWidth {
    return DiscreteWidth.fromInt(this.rounding, this.intWidth - other.intWidth);
  }

  times(coefficient: number): DiscreteWidth {
    if (!Number.isInteger(coefficient) || coefficient < 1) throw new RangeError(`width coefficient must be a positive integer, got ${coefficient}`);
    return DiscreteWidth.fromInt(this.rounding, this.intWidth * coefficient);
  }

  halfRoundedDown(): DiscreteWidth {
    return DiscreteWidth.fromInt(this.rounding, Math.floor(this.intWidth / 2));
  }

  lt(other: DiscreteWidth): boolean {
    return this.floatWidth < other.floatWidth;
  }

  gt(other: DiscreteWidth): boolean {
    return this.floatWidth > other.floatWidth;
  }

  ge(other: DiscreteWidth): boolean {
    return this.floatWidth >= other.floatWidth;
  }

  toString(): string {
    return `${this.intWidth} units (${this.floatWidth})`;
  }
}

/** Python's max(a, b) on widths: the first unless the second is strictly larger. */
export function maxWidth(first: DiscreteWidth, second: DiscreteWidth): DiscreteWidth {
  return second.gt(first) ? second : first;
}

/** Python's min(a, b) on widths: the first unless the second is strictly smaller. */
export function minWidth(first: DiscreteWidth, second: DiscreteWidth): DiscreteWidth {
  return second.lt(first) ? second : first;
}

export class DiscreteLoad {
  private constructor(
    readonly rounding: LoadRounding,
    readonly intLoad: number,
    readonly floatLoad: number,
  ) {}

  static fromInt(rounding: LoadRounding, intLoad: number): DiscreteLoad {
    return new DiscreteLoad(rounding, intLoad, rounding.intToFloat(intLoad));
  }

  static fromFloat(rounding: LoadRounding, loadPps: number): DiscreteLoad {
    return new DiscreteLoad(rounding, rounding.floatToInt(loadPps), loadPps);
  }

  /** True when the float form is exactly the grid value of the integer form. */
  get isRound(): boolean {
    return this.rounding.intToFloat(this.intLoad) === this.floatLoad;
  }

  roundedDown(): DiscreteLoad {
    return DiscreteLoad.fromInt(this.rounding, this.intLoad);
  }

  plus(width: DiscreteWidth): DiscreteLoad {
    return DiscreteLoad.fromInt(this.rounding, this.intLoad + width.intWidth);
  }

  minus(width: DiscreteWidth): DiscreteLoad {
    return DiscreteLoad.fromInt(this.rounding, this.intLoad - width.intWidth);
  }

  /** The width from `lower` up to this load. */
  widthFrom(lower: DiscreteLoad): DiscreteWidth {
    return DiscreteWidth.fromInt(this.rounding, this.intLoad - lower.intLoad);
  }

  /** Multiply the float form (not rounded onto the grid). */
  times(coefficient: number): DiscreteLoad {
    if (!(coefficient > 0)) throw new RangeError(`load coefficient must be positive, got ${coefficient}`);
    return DiscreteLoad.fromFloat(this.rounding, this.floatLoad * coefficient);
  }

  eq(other: DiscreteLoad | null | undefined): boolean {
    return other != null && this.floatLoad === other.floatLoad;
  }

  lt(other: DiscreteLoad): boolean {
    return this.floatLoad < other.floatLoad;
  }

  le(other: DiscreteLoad): boolean {
    return this.floatLoad <= other.floatLoad;
  }

  gt(other: DiscreteLoad): boolean {
    return this.floatLoad > other.floatLoad;
  }

  ge(other: DiscreteLoad): boolean {
    return this.floatLoad >= other.floatLoad;
  }

  toString(): string {
    return `${this.floatLoad} pps (grid ${this.intLoad})`;
  }
}
