/**
 * Epochs: fixed-length bins on the run axis, epoch k = [anchor + k*epoch, anchor + (k+1)*epoch).
 * An interval's counts go to the epochs it overlaps, either split by overlap (`proportional`)
 * or all to the epoch holding its end (`interval-end`, the lab notebook's ceil(t*10)/10, where
 * an end exactly on a boundary belongs to the epoch that ends there).
 */
import type { Attribution } from "./options.js";

export interface EpochGrid {
  readonly anchorNs: number;
  readonly epochNs: number;
  /** Index of the first epoch (negative before the anchor). */
  readonly firstIndex: number;
  readonly count: number;
}

export interface Span {
  readonly startNs: number;
  readonly endNs: number;
}

/** The epochs [firstIndex, firstIndex + count) covering [minNs, maxNs); at least one. */
export function gridCovering(anchorNs: number, epochNs: number, minNs: number, maxNs: number): EpochGrid {
  const firstIndex = Math.floor((minNs - anchorNs) / epochNs);
  const lastIndex = Math.max(firstIndex, Math.ceil((maxNs - anchorNs) / epochNs) - 1);
  return { anchorNs, epochNs, firstIndex, count: lastIndex - firstIndex + 1 };
}

export function epochStartNs(grid: EpochGrid, index: number): number {
  return grid.anchorNs + index * grid.epochNs;
}

/** The epoch that holds `atNs`. */
export function epochIndexAt(grid: EpochGrid, atNs: number): number {
  return Math.floor((atNs - grid.anchorNs) / grid.epochNs);
}

/** The epoch an interval ending at `endNs` belongs to under `interval-end`. */
function endEpochIndex(grid: EpochGrid, endNs: number): number {
  return Math.ceil((endNs - grid.anchorNs) / grid.epochNs) - 1;
}

/** (epoch index, weight) pairs: the share of the span's counts that each epoch receives. */
export function epochShares(grid: EpochGrid, span: Span, attribution: Attribution): Array<readonly [number, number]> {
  const durationNs = span.endNs - span.startNs;
  if (attribution === "interval-end" || durationNs <= 0) return [[endEpochIndex(grid, span.endNs), 1]];
  const shares: Array<readonly [number, number]> = [];
  for (let index = epochIndexAt(grid, span.startNs); epochStartNs(grid, index) < span.endNs; index += 1) {
    const overlapNs = Math.min(span.endNs, epochStartNs(grid, index + 1)) - Math.max(span.startNs, epochStartNs(grid, index));
    if (overlapNs > 0) shares.push([index, overlapNs / durationNs]);
  }
  return shares;
}

/**
 * Adds `value(span) * weight` into per-epoch sums (index - grid.firstIndex); spans whose value
 * is null are skipped. Returns the sums and the summed weights (how much reporting each epoch got).
 */
export function accumulate<T extends Span>(grid: EpochGrid, spans: readonly T[], attribution: Attribution, value: (span: T) => number | null): { sums: Float64Array; weights: Float64Array } {
  const sums = new Float64Array(grid.count);
  const weights = new Float64Array(grid.count);
  for (const span of spans) {
    const amount = value(span);
    if (amount === null) continue;
    for (const [index, weight] of epochShares(grid, span, attribution)) {
      const slot = index - grid.firstIndex;
      if (slot < 0 || slot >= grid.count) continue;
      sums[slot] = (sums[slot] ?? 0) + amount * weight;
      weights[slot] = (weights[slot] ?? 0) + weight;
    }
  }
  return { sums, weights };
}
