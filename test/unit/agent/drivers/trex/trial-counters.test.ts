import { describe, expect, test } from "vitest";
import { directionCounters, intendedCount } from "../../../../../agent/drivers/trex/trial-counters.js";

const sample = (opackets: number, ipackets: number) => ({ opackets, ipackets });

describe("CSIT trial accounting", () => {
  test("intended count allows 10 µs of traffic to stay unsent and is at least the sent count", () => {
    expect(intendedCount(1, 1e7, 0)).toBe(9_999_900);
    expect(intendedCount(1, 1e7, 9_999_950)).toBe(9_999_950);
    expect(intendedCount(1, 1e7, 10_000_020)).toBe(10_000_020);
    expect(intendedCount(2, 9001, 0)).toBe(Math.ceil((2 - 1e-5) * 9001));
  });

  test("per-direction deltas from the baseline; unsent beyond the allowance; negative loss flagged", () => {
    const before = new Map([[0, sample(100, 5)], [1, sample(7, 200)]]);
    const after = new Map([[0, sample(100 + 900_000, 5 + 1_000_100)], [1, sample(7 + 1_000_000, 200 + 899_000)]]);
    const forward = directionCounters({ txPort: 0, rxPort: 1, durationS: 1, loadPps: 1e6, before, after });
    expect(forward).toEqual({ txPort: 0, rxPort: 1, intendedCount: 999_990, txPackets: 900_000, rxPackets: 899_000, unsentCount: 99_990, lostCount: 1000, negativeLoss: false });
    const reverse = directionCounters({ txPort: 1, rxPort: 0, durationS: 1, loadPps: 1e6, before, after });
    expect(reverse).toMatchObject({ txPackets: 1_000_000, rxPackets: 1_000_100, lostCount: -100, negativeLoss: true, unsentCount: 0 });
  });

  test("counters that went backwards (TRex restarted) are refused", () => {
    const before = new Map([[0, sample(100, 0)], [1, sample(0, 0)]]);
    const after = new Map([[0, sample(10, 0)], [1, sample(0, 0)]]);
    expect(() => directionCounters({ txPort: 0, rxPort: 1, durationS: 1, loadPps: 1, before, after })).toThrow(/opackets of port 0 went from 100 to 10/);
  });
});
