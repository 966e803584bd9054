import { describe, expect, it } from "vitest";
import { aggregateTrialResult } from "../../../../controller/measurers/remote-aggregate.js";
import { lossRatio } from "../../../../controller/search/measurer.js";
import type { DirectionResult, RunTrialResult } from "../../../../common/wire/types.js";

function direction(txPort: number, txPackets: number, rxPackets: number): DirectionResult {
  return { txPort, rxPort: 1 - txPort, intendedCount: txPackets, txPackets, rxPackets, negativeLoss: rxPackets > txPackets, unsent: false };
}

function remote(...directions: DirectionResult[]): RunTrialResult {
  return { trialId: "t-1", directions, offeredDurationS: 1.00001, durationWithOverheadsS: 1.003 };
}

const request = { durationS: 1, loadPps: 1000 };

describe("aggregateTrialResult", () => {
  it("sums both directions of a clean trial; the load stays per direction", () => {
    const { result } = aggregateTrialResult(request, remote(direction(0, 1000, 1000), direction(1, 1000, 1000)), 1.004);
    expect(result).toEqual({
      durationS: 1,
      loadPps: 1000,
      intendedCount: 2000,
      offeredCount: 2000,
      forwardedCount: 2000,
      lostCount: 0,
      offeredDurationS: 1.00001,
      durationWithOverheadsS: 1.004,
    });
    expect(lossRatio(result)).toBe(0);
  });

  it("allows 10 µs of traffic to stay unsent: ceil((1 s - 10 µs) x 1000 pps) = 1000, so 999 sent is unsent loss", () => {
    const aggregated = aggregateTrialResult(request, remote(direction(0, 999, 999), direction(1, 1000, 1000)), 1);
    expect(aggregated.result).toMatchObject({ intendedCount: 2000, offeredCount: 1999, lostCount: 0 });
    expect(aggregated.unsentDirections).toBe(1);
    expect(lossRatio(aggregated.result)).toBeCloseTo(1 / 2000, 15);
  });

  it("does not count the 10 µs allowance as unsent: 1e6 pps for 1 s may send 999990", () => {
    const aggregated = aggregateTrialResult({ durationS: 1, loadPps: 1e6 }, remote(direction(0, 999_990, 999_990)), 1);
    expect(aggregated.result.intendedCount).toBe(999_990);
    expect(aggregated.unsentDirections).toBe(0);
    expect(lossRatio(aggregated.result)).toBe(0);
  });

  it("counts negative loss in one direction as loss that drops in the other cannot cancel", () => {
    const aggregated = aggregateTrialResult(request, remote(direction(0, 1000, 995), direction(1, 1000, 1005)), 1);
    expect(aggregated.result).toMatchObject({ offeredCount: 2000, lostCount: 10, forwardedCount: 1990 });
    expect(aggregated.negativeLossDirections).toBe(1);
    expect(lossRatio(aggregated.result)).toBeCloseTo(10 / 2000, 15);
  });

  it("takes the intended count at least as large as what was sent", () => {
    const { result } = aggregateTrialResult(request, remote(direction(0, 1003, 1003)), 1);
    expect(result.intendedCount).toBe(1003);
  });

  it("keeps the agent's overheads when they exceed the controller's measure", () => {
    expect(aggregateTrialResult(request, remote(direction(0, 1000, 1000)), 0.5).result.durationWithOverheadsS).toBe(1.003);
  });

  it("refuses a result without directions", () => {
    expect(() => aggregateTrialResult(request, remote(), 1)).toThrow(expect.objectContaining({ code: "REMOTE_RESULT_INVALID" }));
  });
});
