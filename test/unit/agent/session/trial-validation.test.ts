import { describe, expect, it } from "vitest";
import { validateTrialRequest, type TrialDefaults } from "../../../../agent/session/trial-validation.js";
import type { RunTrialRequest } from "../../../../common/wire/types.js";

const defaults: TrialDefaults = { frameSizeBytes: 64, ports: [0, 1, 2, 3], frameSizeRangeBytes: { min: 64, max: 9216 } };

function request(overrides: Partial<RunTrialRequest> = {}): RunTrialRequest {
  return { trialId: "t-1", durationS: 1, loadPps: 1e6, frameSizeBytes: 0, ports: [], bidirectional: true, ...overrides };
}

describe("validateTrialRequest", () => {
  it("fills the agent's defaults for frame size 0 and no ports", () => {
    expect(validateTrialRequest(request(), defaults)).toEqual({ durationS: 1, loadPps: 1e6, frameSizeBytes: 64, ports: [0, 1, 2, 3], bidirectional: true });
  });

  it("keeps what the request names", () => {
    expect(validateTrialRequest(request({ frameSizeBytes: 1518, ports: [2, 3], bidirectional: false }), defaults)).toMatchObject({
      frameSizeBytes: 1518,
      ports: [2, 3],
      bidirectional: false,
    });
  });

  it.each([
    [{ durationS: 0 }, "duration_s", "0"],
    [{ durationS: -1 }, "duration_s", "-1"],
    [{ durationS: Number.NaN }, "duration_s", "NaN"],
    [{ durationS: 1e6 }, "duration_s", "1000000"],
    [{ loadPps: 0 }, "load_pps", "0"],
    [{ loadPps: -1 }, "load_pps", "-1"],
    [{ loadPps: Number.POSITIVE_INFINITY }, "load_pps", "Infinity"],
    [{ loadPps: 1e16, durationS: 10 }, "load_pps", "10000000000000000"],
    [{ ports: [0] }, "ports", "[0]"],
    [{ ports: [0, 9] }, "ports", "unknown port 9"],
    [{ ports: [1, 1] }, "ports", "repeat"],
    [{ frameSizeBytes: 63 }, "frame_size_bytes", "63"],
    [{ frameSizeBytes: 9217 }, "frame_size_bytes", "9217"],
    [{ trialId: "" }, "trial_id", '""'],
  ])("refuses %o with TRIAL_INVALID naming %s", (overrides, field, quoted) => {
    let caught: unknown;
    try {
      validateTrialRequest(request(overrides), defaults);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "TRIAL_INVALID", context: { field } });
    expect((caught as Error).message).toContain(`RunTrialRequest.${field}`);
    expect((caught as Error).message).toContain(quoted);
  });
});
