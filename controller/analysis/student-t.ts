/**
 * Student's t distribution: the CDF and the quantile function, for confidence intervals of a
 * mean over few replications (the normal 1.96 is too narrow below ~30 samples).
 */
import { regularizedIncompleteBeta } from "./incomplete-beta.js";

function checkDegreesOfFreedom(degreesOfFreedom: number): void {
  if (!(degreesOfFreedom > 0) || !Number.isFinite(degreesOfFreedom)) {
    throw new RangeError(`Student's t needs finite degrees of freedom > 0, got ${degreesOfFreedom}`);
  }
}

/** P(T > t) for t >= 0, computed directly so that small tails keep their precision. */
function upperTail(t: number, degreesOfFreedom: number): number {
  return 0.5 * regularizedIncompleteBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
}

/** P(T <= t) for T with the given degrees of freedom. */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  checkDegreesOfFreedom(degreesOfFreedom);
  if (Number.isNaN(t)) throw new RangeError("studentTCdf needs a number, got NaN");
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = upperTail(Math.abs(t), degreesOfFreedom);
  return t >= 0 ? 1 - tail : tail;
}

const BISECTION_STEPS_MAX = 400;

/** The t with P(T <= t) = probability, for probability in (0, 1). Bisection on the tail: exact to ~1e-15 relative. */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  checkDegreesOfFreedom(degreesOfFreedom);
  if (!(probability > 0 && probability < 1)) throw new RangeError(`studentTQuantile needs a probability in (0, 1), got ${probability}`);
  if (probability === 0.5) return 0;
  if (probability < 0.5) return -studentTQuantile(1 - probability, degreesOfFreedom);
  const tail = 1 - probability;
  let low = 0;
  let high = 1;
  while (upperTail(high, degreesOfFreedom) > tail) {
    low = high;
    high *= 2;
  }
  for (let step = 0; step < BISECTION_STEPS_MAX && high - low > 1e-15 * high; step += 1) {
    const middle = (low + high) / 2;
    if (upperTail(middle, degreesOfFreedom) > tail) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
