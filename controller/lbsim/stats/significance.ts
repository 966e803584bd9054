/**
 * Two-sided t-tests for comparing algorithms over replications. Paired when both ran under the
 * same seeds (common random numbers make the differences far less noisy), Welch otherwise.
 */
import { studentTCdf } from "../../analysis/student-t.js";
import { meanOf, stdevOf } from "./descriptive.js";

function twoSidedP(t: number, degreesOfFreedom: number): number {
  return 2 * (1 - studentTCdf(Math.abs(t), degreesOfFreedom));
}

/** p-value of "mean(a - b) = 0" for paired samples (same length, >= 2); constant differences give 0 or 1. */
export function pairedTTestP(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError(`a paired t-test needs samples of one length, got ${a.length} and ${b.length}`);
  if (a.length < 2) return 1;
  const differences = a.map((value, index) => value - (b[index] as number));
  const mean = meanOf(differences);
  const stdev = stdevOf(differences);
  if (stdev === 0) return mean === 0 ? 1 : 0;
  return twoSidedP(mean / (stdev / Math.sqrt(differences.length)), differences.length - 1);
}

/** p-value of "mean(a) = mean(b)" by Welch's t-test (each sample >= 2 values). */
export function welchTTestP(a: readonly number[], b: readonly number[]): number {
  if (a.length < 2 || b.length < 2) return 1;
  const varianceA = stdevOf(a) ** 2 / a.length;
  const varianceB = stdevOf(b) ** 2 / b.length;
  const difference = meanOf(a) - meanOf(b);
  const spread = varianceA + varianceB;
  if (spread === 0) return difference === 0 ? 1 : 0;
  const degreesOfFreedom = spread ** 2 / (varianceA ** 2 / (a.length - 1) + varianceB ** 2 / (b.length - 1));
  return twoSidedP(difference / Math.sqrt(spread), degreesOfFreedom);
}
