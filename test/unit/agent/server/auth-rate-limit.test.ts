import { describe, expect, it } from "vitest";
import { AuthFailureLimiter, DEFAULT_AUTH_RATE_LIMIT } from "../../../../agent/server/auth-rate-limit.js";

function clockAt(startS = 0): { monotonicS: () => number; advance: (s: number) => void } {
  let nowS = startS;
  return { monotonicS: () => nowS, advance: (s) => (nowS += s) };
}

describe("AuthFailureLimiter", () => {
  it("allows a burst of failures, then blocks the address for the cool-down", () => {
    const clock = clockAt();
    const limiter = new AuthFailureLimiter(clock, { burst: 3, refillS: 30, cooldownS: 60 });
    expect([1, 2, 3].map(() => limiter.recordFailure("10.0.0.9"))).toEqual([false, false, false]);
    expect(limiter.blockedForS("10.0.0.9")).toBe(0);
    expect(limiter.recordFailure("10.0.0.9")).toBe(true);
    expect(limiter.blockedForS("10.0.0.9")).toBe(60);
    clock.advance(59.5);
    expect(limiter.blockedForS("10.0.0.9")).toBeCloseTo(0.5);
    clock.advance(0.5);
    expect(limiter.blockedForS("10.0.0.9")).toBe(0);
  });

  it("keeps addresses apart", () => {
    const limiter = new AuthFailureLimiter(clockAt(), { burst: 1, cooldownS: 10 });
    limiter.recordFailure("a");
    limiter.recordFailure("a");
    expect(limiter.blockedForS("a")).toBe(10);
    expect(limiter.blockedForS("b")).toBe(0);
  });

  it("refills at burst/refillS per second, so slow guessing stays below the block", () => {
    const clock = clockAt();
    const limiter = new AuthFailureLimiter(clock, { burst: 2, refillS: 10, cooldownS: 60 });
    // One failure every 5 s is exactly the refill rate: never blocked.
    for (let attempt = 0; attempt < 20; attempt++) {
      expect(limiter.recordFailure("slow")).toBe(false);
      clock.advance(5);
    }
    // Faster than that drains the bucket.
    const results = [0, 1, 2, 3].map(() => {
      clock.advance(1);
      return limiter.recordFailure("slow");
    });
    expect(results).toContain(true);
  });

  it("forgets the least recently seen addresses beyond maxPeers", () => {
    const limiter = new AuthFailureLimiter(clockAt(), { maxPeers: 2 });
    limiter.recordFailure("a");
    limiter.recordFailure("b");
    limiter.recordFailure("a");
    limiter.recordFailure("c");
    expect(limiter.size).toBe(2);
  });

  it("refuses nonsense policies", () => {
    expect(() => new AuthFailureLimiter(clockAt(), { burst: 0 })).toThrow(/burst/);
    expect(() => new AuthFailureLimiter(clockAt(), { refillS: 0 })).toThrow(/refillS/);
    expect(DEFAULT_AUTH_RATE_LIMIT).toEqual({ burst: 10, refillS: 60, cooldownS: 60, maxPeers: 4096 });
  });
});
