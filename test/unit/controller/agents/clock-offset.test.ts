import { describe, expect, it } from "vitest";
import { estimateClockOffset, sampleOffsetNs, type ClockSample } from "../../../../controller/agents/clock-offset.js";

/** A sample where the agent clock is `offsetNs` ahead, with one-way delays `outNs` and `backNs`. */
function sample(startNs: bigint, offsetNs: bigint, outNs: bigint, agentNs: bigint, backNs: bigint): ClockSample {
  const t1UnixNs = startNs;
  const t2UnixNs = t1UnixNs + outNs + offsetNs;
  const t3UnixNs = t2UnixNs + agentNs;
  const t4UnixNs = t3UnixNs - offsetNs + backNs;
  return { t1UnixNs, t2UnixNs, t3UnixNs, t4UnixNs };
}

describe("sampleOffsetNs", () => {
  it("recovers the offset exactly on a symmetric path and excludes the agent's own time from the delay", () => {
    expect(sampleOffsetNs(sample(1_700_000_000_000_000_000n, 2_500_000n, 40_000n, 1_000_000n, 40_000n))).toEqual({ offsetNs: 2_500_000, roundTripNs: 80_000 });
  });

  it("is off by half the path asymmetry", () => {
    expect(sampleOffsetNs(sample(0n, -1_000n, 100_000n, 0n, 20_000n)).offsetNs).toBe(-1_000 + 40_000);
  });
});

describe("estimateClockOffset", () => {
  it("keeps the sample with the smallest round trip", () => {
    const estimate = estimateClockOffset([
      sample(0n, 5_000n, 900_000n, 0n, 100_000n), // queued on the way out: offset off by 400 µs
      sample(1_000_000n, 5_000n, 30_000n, 10_000n, 30_000n),
      sample(2_000_000n, 5_000n, 200_000n, 0n, 50_000n),
    ]);
    expect(estimate).toEqual({ offsetNs: 5_000, roundTripNs: 60_000, uncertaintyNs: 30_000, sampleCount: 3 });
  });

  it("needs a sample", () => {
    expect(() => estimateClockOffset([])).toThrow(RangeError);
  });
});
