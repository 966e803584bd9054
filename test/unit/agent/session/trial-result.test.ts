import { describe, expect, it } from "vitest";
import { toRunTrialResult } from "../../../../agent/session/trial-result.js";

describe("toRunTrialResult", () => {
  it("flags negative loss and unsent packets per direction", () => {
    const result = toRunTrialResult("t-9", {
      directions: [
        { txPort: 0, rxPort: 1, intendedCount: 100, txPackets: 100, rxPackets: 99 },
        { txPort: 1, rxPort: 0, intendedCount: 100, txPackets: 98, rxPackets: 99 },
      ],
      offeredDurationS: 1,
      durationWithOverheadsS: 1.002,
    });
    expect(result).toEqual({
      trialId: "t-9",
      directions: [
        { txPort: 0, rxPort: 1, intendedCount: 100, txPackets: 100, rxPackets: 99, negativeLoss: false, unsent: false },
        { txPort: 1, rxPort: 0, intendedCount: 100, txPackets: 98, rxPackets: 99, negativeLoss: true, unsent: true },
      ],
      offeredDurationS: 1,
      durationWithOverheadsS: 1.002,
    });
  });
});
