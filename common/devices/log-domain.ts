/**
 * Arithmetic on numbers kept as their natural logarithms, so that values many orders of
 * magnitude apart neither overflow nor vanish. -Infinity stands for log(0).
 */

/** log(exp(first) + exp(second)), computed from the larger operand (CSIT's log(1 + exp(d)) form). */
export function logPlus(first: number, second: number): number {
  if (first === -Infinity) return second;
  if (second === -Infinity) return first;
  if (second > first) return second + Math.log(1 + Math.exp(first - second));
  return first + Math.log(1 + Math.exp(second - first));
}

/**
 * log(exp(first) - exp(second)). Follows IEEE log: -Infinity when the difference is zero
 * (including first === second), NaN when it is negative. Callers decide what an
 * unresolvable difference means for them.
 */
export function logMinus(first: number, second: number): number {
  if (second === -Infinity) return first;
  if (second === first) return -Infinity;
  if (second > first) return NaN;
  const factor = -Math.expm1(second - first);
  if (factor <= 0) return -Infinity;
  return first + Math.log(factor);
}
