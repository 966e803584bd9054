/**
 * The complementary error function and its scaled form erfcx(x) = exp(x^2) * erfc(x),
 * by W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev approximations
 * for the error function", Math. Comp. 23, 1969), accurate to about 1e-16 relative.
 */

const ONE_OVER_SQRT_PI = 0.5641895835477563;
const SMALL_LIMIT = 0.46875;
const MEDIUM_LIMIT = 4;
/** Below -NEGATIVE_OVERFLOW, erfcx(x) = 2 exp(x^2) - ... overflows. */
const NEGATIVE_OVERFLOW = 26.628;

// Coefficients in ascending powers: |x| <= 0.46875 in x^2 (erf), 0.46875 < x <= 4 in x (erfcx),
// x > 4 in 1/x^2 (erfcx correction).
const SMALL_NUMERATOR = [3209.3775891384694, 377.485237685302, 113.86415415105016, 3.1611237438705655, 0.18577770618460315];
const SMALL_DENOMINATOR = [2844.236833439171, 1282.6165260773723, 244.02463793444417, 23.601290952344122, 1];
const MEDIUM_NUMERATOR = [
  1230.3393547979972, 2051.0783778260716, 1712.0476126340707, 881.952221241769, 298.6351381974001,
  66.11919063714163, 8.883149794388377, 0.5641884969886701, 2.1531153547440383e-8,
];
const MEDIUM_DENOMINATOR = [
  1230.3393548037495, 3439.3676741437216, 4362.619090143247, 3290.7992357334597, 1621.3895745666903,
  537.1811018620099, 117.6939508913125, 15.744926110709835, 1,
];
const LARGE_NUMERATOR = [
  -0.0006587491615298378, -0.016083785148742275, -0.12578172611122926, -0.36034489994980445, -0.30532663496123236,
  -0.016315387137302097,
];
const LARGE_DENOMINATOR = [0.0023352049762686918, 0.06051834131244132, 0.5279051029514285, 1.8729528499234604, 2.568520192289822, 1];

function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i -= 1) sum = sum * x + (coefficients[i] ?? 0);
  return sum;
}

/** erf(x) for |x| <= 0.46875. */
function erfSmall(x: number): number {
  const x2 = x * x;
  return (x * polynomial(SMALL_NUMERATOR, x2)) / polynomial(SMALL_DENOMINATOR, x2);
}

/** erfcx(y) for y > 0.46875. */
function erfcxPositive(y: number): number {
  if (y <= MEDIUM_LIMIT) return polynomial(MEDIUM_NUMERATOR, y) / polynomial(MEDIUM_DENOMINATOR, y);
  const inverseSquare = 1 / (y * y);
  const correction = (inverseSquare * polynomial(LARGE_NUMERATOR, inverseSquare)) / polynomial(LARGE_DENOMINATOR, inverseSquare);
  return (ONE_OVER_SQRT_PI + correction) / y;
}

/** exp(sign * y^2) without the rounding error of squaring y first (Cody's split at y rounded to 1/16). */
function expOfSquare(y: number, sign: 1 | -1): number {
  if (y === Infinity) return sign > 0 ? Infinity : 0;
  const head = Math.trunc(y * 16) / 16;
  const tail = (y - head) * (y + head);
  return Math.exp(sign * head * head) * Math.exp(sign * tail);
}

/** Scaled complementary error function exp(x^2) * erfc(x); Infinity below about -26.6. */
export function erfcx(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= SMALL_LIMIT) return Math.exp(x * x) * (1 - erfSmall(x));
  if (x > 0) return erfcxPositive(y);
  if (y > NEGATIVE_OVERFLOW) return Infinity;
  return 2 * expOfSquare(y, 1) - erfcxPositive(y);
}

/** Complementary error function 1 - erf(x), without cancellation for large x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= SMALL_LIMIT) return 1 - erfSmall(x);
  const upperTail = expOfSquare(y, -1) * erfcxPositive(y);
  return x > 0 ? upperTail : 2 - upperTail;
}
