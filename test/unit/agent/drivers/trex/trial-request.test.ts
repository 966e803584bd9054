import { describe, expect, test } from "vitest";
import { compileDriverOptions } from "../../../../../agent/drivers/trex/driver-options.js";
import { trialDirections, validatePortsExist, validateTrial } from "../../../../../agent/drivers/trex/trial-request.js";

const base = { durationS: 1, loadPps: 1e6, frameSizeBytes: 64, ports: [0, 1], bidirectional: true };

describe("trial validation and options", () => {
  test.each([
    [{ durationS: 0 }, "durationS"],
    [{ durationS: Number.NaN }, "durationS"],
    [{ loadPps: -5 }, "loadPps"],
    [{ frameSizeBytes: 64.5 }, "frameSizeBytes"],
    [{ ports: [] }, "ports"],
    [{ ports: [1, 1] }, "ports"],
  ])("%j is TRIAL_INVALID naming %s", (bad, field) => {
    expect(() => validateTrial({ ...base, ...bad })).toThrow(expect.objectContaining({ code: "TRIAL_INVALID", context: { field } }));
  });

  test("ports beyond the generator's count are TRIAL_INVALID; pairs give directions", () => {
    expect(() => validatePortsExist([0, 3], 2)).toThrow(expect.objectContaining({ code: "TRIAL_INVALID", context: expect.objectContaining({ field: "ports", port: 3 }) }));
    expect(trialDirections({ ...base, ports: [0, 1, 2, 3], bidirectional: false })).toEqual([{ txPort: 0, rxPort: 1 }, { txPort: 2, rxPort: 3 }]);
    expect(trialDirections(base)).toEqual([{ txPort: 0, rxPort: 1 }, { txPort: 1, rxPort: 0 }]);
  });

  test("driver options: defaults, and a bad one named with its value", () => {
    const options = compileDriverOptions({});
    expect(options).toMatchObject({ host: "127.0.0.1", rpcPort: 4501, rpcTimeoutS: 3, drainS: 0, forceStart: false, compress: false });
    expect(options.sessionId).toBeGreaterThan(0);
    expect(() => compileDriverOptions({ rpcTimeoutS: 0 })).toThrow("TRex driver option rpcTimeoutS must be a number of seconds > 0, got 0");
  });
});
