/** Min / median / mean / max of a set of values (across sessions, epochs or replications). */

export interface Spread {
  readonly n: number;
  readonly min: number;
  readonly median: number;
  readonly mean: number;
  readonly max: number;
}

/** The middle value, or the mean of the two middle values; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The spread of the finite values among `values` (nulls are "no data" and left out); null when none. */
export function spreadOf(values: ReadonlyArray<number | null>): Spread | null {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  const middle = median(present);
  if (middle === null) return null;
  return {
    n: present.length,
    min: Math.min(...present),
    median: middle,
    mean: present.reduce((sum, value) => sum + value, 0) / present.length,
    max: Math.max(...present),
  };
}
