/**
 * A ranking that respects significance: an algorithm's rank is 1 + the number of algorithms that
 * are significantly better on the metric (two-sided t-test at `alpha`, paired over common seeds
 * when both ran the same seeds, Welch otherwise). Algorithms that no test separates share ranks,
 * so "rank 1" can hold several algorithms; no correction for multiple comparisons is made, so
 * read a single separation at alpha = 0.05 among many algorithms with care.
 */
import { summarize, type SampleSummary } from "../../analysis/sample-summary.js";
import { pairedTTestP, welchTTestP } from "./significance.js";

export interface RankInput {
  readonly algorithm: string;
  readonly values: readonly number[];
  /** The seed of each value; equal seed lists make the comparison paired. */
  readonly seeds?: readonly number[];
}

export interface RankedAlgorithm {
  readonly algorithm: string;
  readonly rank: number;
  readonly summary: SampleSummary;
  /** Algorithms significantly better than this one. */
  readonly worseThan: readonly string[];
  /** Algorithms that no test separates from this one. */
  readonly tiedWith: readonly string[];
}

export interface RankOptions {
  readonly alpha?: number;
  readonly lowerIsBetter?: boolean;
}

function pairedValues(a: RankInput, b: RankInput): [number[], number[]] | null {
  if (a.seeds === undefined || b.seeds === undefined || a.seeds.length !== a.values.length || b.seeds.length !== b.values.length) return null;
  const bySeed = new Map(b.seeds.map((seed, index) => [seed, b.values[index] as number]));
  if (bySeed.size !== b.seeds.length || a.seeds.length !== b.seeds.length || !a.seeds.every((seed) => bySeed.has(seed))) return null;
  return [[...a.values], a.seeds.map((seed) => bySeed.get(seed) as number)];
}

/** p-value of the difference between two algorithms' values. */
export function differenceP(a: RankInput, b: RankInput): number {
  const paired = pairedValues(a, b);
  return paired === null ? welchTTestP(a.values, b.values) : pairedTTestP(paired[0], paired[1]);
}

export function rankWithSignificance(inputs: readonly RankInput[], options: RankOptions = {}): RankedAlgorithm[] {
  const alpha = options.alpha ?? 0.05;
  const sign = options.lowerIsBetter === false ? -1 : 1;
  const clean = inputs.map((input) => {
    const keep = input.values.map((value) => Number.isFinite(value));
    const values = input.values.filter((_, index) => keep[index]);
    const seeds = input.seeds?.filter((_, index) => keep[index]);
    return seeds === undefined ? { algorithm: input.algorithm, values } : { algorithm: input.algorithm, values, seeds };
  });
  const summaries = clean.map((input) => summarize(input.values));
  const ranked = clean.map((input, index) => {
    const worseThan: string[] = [];
    const tiedWith: string[] = [];
    clean.forEach((other, otherIndex) => {
      if (otherIndex === index) return;
      const better = sign * ((summaries[otherIndex]?.mean ?? NaN) - (summaries[index]?.mean ?? NaN)) < 0;
      if (differenceP(input, other) < alpha) {
        if (better) worseThan.push(other.algorithm);
      } else tiedWith.push(other.algorithm);
    });
    return { algorithm: input.algorithm, rank: 1 + worseThan.length, summary: summaries[index] as SampleSummary, worseThan, tiedWith };
  });
  const meanOrLast = (entry: RankedAlgorithm) => (entry.summary.mean === null ? Infinity : sign * entry.summary.mean);
  return ranked.sort((x, y) => x.rank - y.rank || meanOrLast(x) - meanOrLast(y) || x.algorithm.localeCompare(y.algorithm));
}
