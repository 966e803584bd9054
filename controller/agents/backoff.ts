/** Reconnection delays: exponential growth, capped, with jitter so that many clients do not retry in step. */

export interface BackoffPolicy {
  /** Delay before the first retry, seconds. */
  readonly initialDelayS: number;
  /** Cap on any delay, seconds. */
  readonly maxDelayS: number;
  /** Growth per consecutive failure. */
  readonly multiplier: number;
  /** Share of each delay that is random: 0 = none, 1 = anywhere in [0, delay]. */
  readonly jitterRatio: number;
  /** Consecutive failed attempts after which the client gives up (Infinity: never). */
  readonly maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = Object.freeze({
  initialDelayS: 0.1,
  maxDelayS: 5,
  multiplier: 2,
  jitterRatio: 0.5,
  maxAttempts: 20,
});

/** Validate a policy (raw -> defaults -> checked -> frozen). */
export function compileBackoff(raw: Partial<BackoffPolicy> = {}): BackoffPolicy {
  const policy = { ...DEFAULT_BACKOFF, ...raw };
  const check = (name: keyof BackoffPolicy, ok: boolean, valid: string): void => {
    if (!ok) throw new RangeError(`backoff.${name} must be ${valid}, got ${policy[name]}`);
  };
  check("initialDelayS", Number.isFinite(policy.initialDelayS) && policy.initialDelayS >= 0, "a number of seconds >= 0");
  check("maxDelayS", Number.isFinite(policy.maxDelayS) && policy.maxDelayS >= policy.initialDelayS, "a number of seconds >= initialDelayS");
  check("multiplier", Number.isFinite(policy.multiplier) && policy.multiplier >= 1, "a number >= 1");
  check("jitterRatio", policy.jitterRatio >= 0 && policy.jitterRatio <= 1, "a number in [0, 1]");
  check("maxAttempts", policy.maxAttempts >= 1, "at least 1");
  return Object.freeze(policy);
}

/**
 * Delay before retry number `attempt` (1-based): min(max, initial * multiplier^(attempt-1)),
 * of which the share jitterRatio is scaled by random() in [0, 1).
 */
export function backoffDelayS(policy: BackoffPolicy, attempt: number, random: () => number): number {
  const exponential = policy.initialDelayS * policy.multiplier ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxDelayS, exponential);
  return capped * (1 - policy.jitterRatio) + capped * policy.jitterRatio * random();
}
