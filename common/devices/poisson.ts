import type { Rng } from "./rng.js";

/** Below this mean the sample is exact (inversion); at or above it, a rounded normal approximation. */
export const POISSON_INVERSION_LIMIT = 500;

/** Round to the nearest integer, ties to even (the rounding of Python's round(), which the vectors use). */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * One Poisson(lambdaMean) sample.
 * - lambdaMean < 500 (including 0): inversion with exactly one uniform: walk the cumulative
 *   distribution from k = 0 until it reaches the uniform. The walk also stops once the
 *   probabilities have underflowed past the mode, so a uniform beyond the rounded total of 1 ends it.
 * - otherwise: round-half-even(lambda + sqrt(lambda) * z) with one Box-Muller normal (two uniforms),
 *   never below 0.
 */
export function samplePoisson(rng: Rng, lambdaMean: number): number {
  if (!(lambdaMean >= 0) || !Number.isFinite(lambdaMean)) {
    throw new RangeError(`samplePoisson needs a finite non-negative mean, got ${lambdaMean}`);
  }
  if (lambdaMean < POISSON_INVERSION_LIMIT) {
    const target = rng.uniform();
    let count = 0;
    let probability = Math.exp(-lambdaMean);
    let cumulative = probability;
    while (target > cumulative && !(probability === 0 && count > lambdaMean)) {
      count += 1;
      probability *= lambdaMean / count;
      cumulative += probability;
    }
    return count;
  }
  const z = rng.normal();
  return Math.max(0, roundHalfEven(lambdaMean + Math.sqrt(lambdaMean) * z));
}
