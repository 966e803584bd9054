/**
 * The notebook's distributions. randGamma is its discrete gamma: floor(Gamma(shape, 1) + min)
 * with shape = mean - min / variance (the notebook draws Gamma(shape, scale = variance) and
 * divides by the variance, so `variance` shifts the shape, it does not scale the spread:
 * the spread of randGamma(m, v) is about sqrt(m) whatever v is). Its mean is about mean - 1/6.
 */
import type { RandomStream } from "./rng.js";

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shapes below 1 by Gamma(shape + 1) * U^(1 / shape). */
export function gammaVariate(rng: RandomStream, shape: number): number {
  if (shape < 1) return gammaVariate(rng, shape + 1) * Math.pow(rng.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    const xSquared = x * x;
    if (u < 1 - 0.0331 * xSquared * xSquared) return d * v;
    if (Math.log(u) < 0.5 * xSquared + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** The gamma shape randGamma uses; it must be > 0 (mean * variance > min). */
export function randGammaShape(mean: number, variance = 1.5, min = 1): number {
  return (variance * mean - min) / variance;
}

/** The notebook's randGamma(mean, variance = 1.5, min = 1): an integer >= min. */
export function randGamma(rng: RandomStream, mean: number, variance = 1.5, min = 1): number {
  return Math.floor(gammaVariate(rng, randGammaShape(mean, variance, min)) + min);
}

/** The notebook's RandomRound: ceil(x) with probability frac(x), floor(x) otherwise (no draw for whole x). */
export function randomRound(rng: RandomStream, x: number): number {
  const whole = Math.floor(x);
  const fraction = x - whole;
  if (fraction === 0) return whole;
  return rng.uniform() < fraction ? whole + 1 : whole;
}

/** Failures before the first success of a per-tick Bernoulli(p): the ticks to skip before the next event. */
export function geometricSkip(rng: RandomStream, probability: number): number {
  if (probability >= 1) return 0;
  if (probability <= 0) return Infinity;
  return Math.floor(Math.log(rng.uniform()) / Math.log1p(-probability));
}
