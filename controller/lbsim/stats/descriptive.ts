/** Descriptive statistics with pandas' conventions: sample stdev (n - 1), quantiles by linear interpolation. */

export function meanOf(values: ArrayLike<number>): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) sum += values[index] as number;
  return sum / values.length;
}

/** Sample standard deviation (n - 1); NaN below 2 values. */
export function stdevOf(values: ArrayLike<number>): number {
  if (values.length < 2) return Number.NaN;
  const center = meanOf(values);
  let squares = 0;
  for (let index = 0; index < values.length; index += 1) squares += ((values[index] as number) - center) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** The q quantile of ascending `sorted` (pandas/numpy "linear"); NaN when empty. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  const lowValue = sorted[low] as number;
  return lowValue + ((sorted[high] as number) - lowValue) * (position - low);
}

/** An ascending copy. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}
