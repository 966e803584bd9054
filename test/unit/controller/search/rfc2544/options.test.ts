import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../../../common/errors.js";
import type { Rfc2544Options } from "../../../../../controller/search/rfc2544/options.js";
import { compileRfc2544Options, RFC2544_DEFAULTS } from "../../../../../controller/search/rfc2544/options.js";

function errorOf(raw: unknown): ValidationError {
  try {
    compileRfc2544Options(raw as Rfc2544Options);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
}

describe("compileRfc2544Options", () => {
  it("applies the defaults and freezes", () => {
    const config = compileRfc2544Options({ maxLoadPps: 1.488e7 });
    expect(config).toEqual({ ...RFC2544_DEFAULTS, maxLoadPps: 1.488e7 });
    expect(config).toEqual({
      minLoadPps: 9001,
      maxLoadPps: 1.488e7,
      lossRatio: 0,
      trialDurationS: 60,
      relativeResolution: 0.005,
      searchDurationMaxS: Infinity,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(compileRfc2544Options(config)).toEqual(config);
  });

  it("keeps given values", () => {
    const raw = { minLoadPps: 1000, maxLoadPps: 2000, lossRatio: 0.005, trialDurationS: 1, relativeResolution: 0.01, searchDurationMaxS: 600 };
    expect(compileRfc2544Options(raw)).toEqual(raw);
  });

  it("requires maxLoadPps", () => {
    const error = errorOf({});
    expect(error.code).toBe("SEARCH_OPTION_MISSING");
    expect(error.message).toContain("maxLoadPps");
  });

  it.each([
    [{ maxLoadPps: 0 }, "maxLoadPps", "0"],
    [{ maxLoadPps: Infinity }, "maxLoadPps", "Infinity"],
    [{ maxLoadPps: 5000 }, "maxLoadPps", "5000"],
    [{ maxLoadPps: 9001 }, "maxLoadPps", "9001"],
    [{ maxLoadPps: 1e7, minLoadPps: -1 }, "minLoadPps", "-1"],
    [{ maxLoadPps: 1e7, lossRatio: 1 }, "lossRatio", "1"],
    [{ maxLoadPps: 1e7, lossRatio: -0.1 }, "lossRatio", "-0.1"],
    [{ maxLoadPps: 1e7, lossRatio: Number.NaN }, "lossRatio", "NaN"],
    [{ maxLoadPps: 1e7, trialDurationS: 0 }, "trialDurationS", "0"],
    [{ maxLoadPps: 1e7, relativeResolution: 0 }, "relativeResolution", "0"],
    [{ maxLoadPps: 1e7, relativeResolution: 1 }, "relativeResolution", "1"],
    [{ maxLoadPps: 1e7, searchDurationMaxS: 0 }, "searchDurationMaxS", "0"],
    [{ maxLoadPps: 1e7, searchDurationMaxS: "600" }, "searchDurationMaxS", '"600"'],
  ])("rejects %o naming %s and quoting %s", (raw, option, quoted) => {
    const error = errorOf(raw);
    expect(error.code).toBe("SEARCH_OPTION_INVALID");
    expect(error.message).toContain(`option ${option} must be`);
    expect(error.message).toContain(`got ${quoted}`);
    expect(error.context["option"]).toBe(option);
  });

  it("says max must exceed min, quoting both", () => {
    expect(errorOf({ maxLoadPps: 5000 }).message).toBe(
      "RFC 2544 search option maxLoadPps must be greater than minLoadPps (9001), got 5000",
    );
  });

  it("rejects unknown options", () => {
    const error = errorOf({ maxLoadPps: 1e7, resolution: 0.01 });
    expect(error.code).toBe("SEARCH_OPTION_UNKNOWN");
    expect(error.message).toContain('"resolution"');
  });
});
