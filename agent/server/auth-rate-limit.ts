/**
 * Failed authentications, limited per peer address with a token bucket: each failure takes one
 * token; tokens come back at `burst / refillS` per second. A failure that finds the bucket empty
 * blocks the address for `cooldownS`: every upgrade from it is answered 429 with Retry-After,
 * without looking at its token, so guessing cannot go on faster than the refill rate.
 */
import type { Clock } from "../../common/clock.js";

export interface AuthRateLimitPolicy {
  /** Failures allowed in a burst. */
  readonly burst: number;
  /** Seconds for an empty bucket to fill up again. */
  readonly refillS: number;
  /** How long an address that exceeded the budget is refused, seconds. */
  readonly cooldownS: number;
  /** Addresses remembered at most; the least recently seen is forgotten first. */
  readonly maxPeers: number;
}

export const DEFAULT_AUTH_RATE_LIMIT: AuthRateLimitPolicy = Object.freeze({ burst: 10, refillS: 60, cooldownS: 60, maxPeers: 4096 });

interface Bucket {
  tokens: number;
  updatedS: number;
  blockedUntilS: number;
}

export class AuthFailureLimiter {
  private readonly policy: AuthRateLimitPolicy;
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly clock: Pick<Clock, "monotonicS">,
    policy: Partial<AuthRateLimitPolicy> = {},
  ) {
    this.policy = Object.freeze({ ...DEFAULT_AUTH_RATE_LIMIT, ...policy });
    const { burst, refillS, cooldownS, maxPeers } = this.policy;
    if (!(Number.isInteger(burst) && burst >= 1)) throw new RangeError(`auth rate limit burst must be an integer >= 1, got ${burst}`);
    if (!(refillS > 0) || !(cooldownS >= 0)) throw new RangeError(`auth rate limit refillS must be > 0 and cooldownS >= 0, got ${refillS}, ${cooldownS}`);
    if (!(Number.isInteger(maxPeers) && maxPeers >= 1)) throw new RangeError(`auth rate limit maxPeers must be an integer >= 1, got ${maxPeers}`);
  }

  /** Seconds this address must still wait (0: it may try). */
  blockedForS(peer: string): number {
    const bucket = this.buckets.get(peer);
    if (bucket === undefined) return 0;
    return Math.max(0, bucket.blockedUntilS - this.clock.monotonicS());
  }

  /** Record a failed authentication; returns true when this failure started a cool-down. */
  recordFailure(peer: string): boolean {
    const nowS = this.clock.monotonicS();
    const bucket = this.refilled(peer, nowS);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return false;
    }
    bucket.blockedUntilS = nowS + this.policy.cooldownS;
    return true;
  }

  /** Addresses currently remembered (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(peer: string, nowS: number): Bucket {
    const { burst, refillS, maxPeers } = this.policy;
    let bucket = this.buckets.get(peer);
    if (bucket === undefined) {
      bucket = { tokens: burst, updatedS: nowS, blockedUntilS: 0 };
    } else {
      this.buckets.delete(peer);
      bucket.tokens = Math.min(burst, bucket.tokens + ((nowS - bucket.updatedS) * burst) / refillS);
      bucket.updatedS = nowS;
    }
    // Map order is insertion order: re-inserting keeps the most recently seen address last.
    this.buckets.set(peer, bucket);
    while (this.buckets.size > maxPeers) {
      const oldest = this.buckets.keys().next().value as string;
      this.buckets.delete(oldest);
    }
    return bucket;
  }
}
