import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../../../common/errors.js";
import type { PlrOptions } from "../../../../../controller/search/plr/options.js";
import { compilePlrOptions, PLR_DEFAULTS } from "../../../../../controller/search/plr/options.js";

function errorOf(raw: unknown): ValidationError {
  try {
    compilePlrOptions(raw as PlrOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
}

describe("compilePlrOptions", () => {
  it("applies CSIT's soak defaults and freezes", () => {
    const config = compilePlrOptions({ maxLoadPps: 1.488e7 });
    expect(config).toEqual({
      minLoadPps: 9001,
      maxLoadPps: 1.488e7,
      packetLossRatioTarget: 1e-7,
      trialDurationPerTrialS: 0.1,
      trialNumberOffset: 50,
      timeoutS: 1800,
      maxTrials: Infinity,
      samplesPerTrial: null,
      minSamplesPerTrial: 10,
      seed: 0,
      scaleCoefficient: 5,
    });
    expect(config).toEqual({ ...PLR_DEFAULTS, maxLoadPps: 1.488e7 });
    expect(Object.isFrozen(config)).toBe(true);
    expect(compilePlrOptions(config)).toEqual(config);
  });

  it("has no time limit when only a trial count is given, and both limits when both are", () => {
    expect(compilePlrOptions({ maxLoadPps: 1e7, maxTrials: 30 })).toMatchObject({ maxTrials: 30, timeoutS: Infinity });
    expect(compilePlrOptions({ maxLoadPps: 1e7, maxTrials: 30, timeoutS: 60 })).toMatchObject({ maxTrials: 30, timeoutS: 60 });
    expect(compilePlrOptions({ maxLoadPps: 1e7, samplesPerTrial: 500 }).samplesPerTrial).toBe(500);
  });

  it("requires maxLoadPps and rejects unknown options", () => {
    expect(errorOf({}).code).toBe("SEARCH_OPTION_MISSING");
    const unknown = errorOf({ maxLoadPps: 1e7, timeout: 5 });
    expect(unknown.code).toBe("SEARCH_OPTION_UNKNOWN");
    expect(unknown.message).toContain('"timeout"');
  });

  it.each([
    [{ maxLoadPps: 9001 }, "maxLoadPps", "9001", "greater than minLoadPps (9001)"],
    [{ maxLoadPps: 5000, minLoadPps: 6000 }, "maxLoadPps", "5000", "greater than minLoadPps (6000)"],
    [{ maxLoadPps: Infinity }, "maxLoadPps", "Infinity", "finite"],
    [{ maxLoadPps: 1e7, minLoadPps: 0 }, "minLoadPps", "0", "> 0"],
    [{ maxLoadPps: 1e7, packetLossRatioTarget: 0 }, "packetLossRatioTarget", "0", "(0, 1)"],
    [{ maxLoadPps: 1e7, packetLossRatioTarget: 1 }, "packetLossRatioTarget", "1", "(0, 1)"],
    [{ maxLoadPps: 1e7, packetLossRatioTarget: -1e-7 }, "packetLossRatioTarget", "-1e-7", "(0, 1)"],
    [{ maxLoadPps: 1e7, packetLossRatioTarget: NaN }, "packetLossRatioTarget", "NaN", "(0, 1)"],
    [{ maxLoadPps: 1e7, trialDurationPerTrialS: 0 }, "trialDurationPerTrialS", "0", "> 0"],
    [{ maxLoadPps: 1e7, trialDurationPerTrialS: "0.1" }, "trialDurationPerTrialS", '"0.1"', "> 0"],
    [{ maxLoadPps: 1e7, trialNumberOffset: -1 }, "trialNumberOffset", "-1", "integer >= 0"],
    [{ maxLoadPps: 1e7, trialNumberOffset: 2.5 }, "trialNumberOffset", "2.5", "integer >= 0"],
    [{ maxLoadPps: 1e7, timeoutS: 0 }, "timeoutS", "0", "> 0"],
    [{ maxLoadPps: 1e7, maxTrials: 0 }, "maxTrials", "0", "integer >= 1"],
    [{ maxLoadPps: 1e7, samplesPerTrial: 0.5 }, "samplesPerTrial", "0.5", "integer >= 1"],
    [{ maxLoadPps: 1e7, minSamplesPerTrial: 0 }, "minSamplesPerTrial", "0", "integer >= 1"],
    [{ maxLoadPps: 1e7, seed: -3 }, "seed", "-3", "integer"],
    [{ maxLoadPps: 1e7, scaleCoefficient: 0 }, "scaleCoefficient", "0", "> 0"],
  ])("rejects %j naming %s and quoting %s", (raw, option, quoted, valid) => {
    const error = errorOf(raw);
    expect(error.code).toBe("SEARCH_OPTION_INVALID");
    expect(error.context["option"]).toBe(option);
    expect(error.message).toContain(`PLRsearch option ${option} must be`);
    expect(error.message).toContain(`got ${quoted}`);
    expect(error.message).toContain(valid);
    expect(error.userError).toBe(true);
  });
});
