import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../../common/errors.js";
import type { DeviceSpec } from "../../../../common/devices/spec.js";
import { compileDeviceSpec } from "../../../../common/devices/spec.js";

function errorOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error("expected a ValidationError");
}

describe("compileDeviceSpec", () => {
  it("applies the reference defaults and freezes", () => {
    const hard = compileDeviceSpec({ kind: "hard", mrrPps: 1e7 });
    expect(hard).toEqual({ kind: "hard", mrrPps: 1e7, seed: 1, noise: 0.001 });
    expect(Object.isFrozen(hard)).toBe(true);
    expect(compileDeviceSpec({ kind: "stretch", mrrPps: 1e7 })).toEqual({ kind: "stretch", mrrPps: 1e7, seed: 1, spreadPps: 1e5 });
    expect(compileDeviceSpec({ kind: "erf", mrrPps: 2e6, spreadPps: 3, seed: 9 })).toEqual({ kind: "erf", mrrPps: 2e6, seed: 9, spreadPps: 3 });
    expect(compileDeviceSpec({ kind: "bursty", mrrPps: 1e6, noise: 0 })).toEqual({
      kind: "bursty",
      mrrPps: 1e6,
      seed: 1,
      noise: 0,
      burstProbability: 0.1,
      burstLossRatio: 0.01,
    });
  });

  it("treats undefined options as absent", () => {
    expect(compileDeviceSpec({ kind: "hard", mrrPps: 5, noise: undefined, spreadPps: undefined })).toEqual({ kind: "hard", mrrPps: 5, seed: 1, noise: 0.001 });
  });

  it("rejects an unknown kind, naming the valid ones", () => {
    const error = errorOf(() => compileDeviceSpec({ kind: "soft", mrrPps: 1 } as unknown as DeviceSpec));
    expect(error.code).toBe("DEVICE_UNKNOWN");
    expect(error.message).toContain('"soft"');
    expect(error.message).toContain("hard, stretch, erf, bursty");
  });

  it("requires mrrPps", () => {
    const error = errorOf(() => compileDeviceSpec({ kind: "erf" } as unknown as DeviceSpec));
    expect(error.code).toBe("DEVICE_OPTION_MISSING");
    expect(error.message).toContain("mrrPps");
  });

  it.each([
    [{ kind: "hard", mrrPps: 0 }, "mrrPps", "0"],
    [{ kind: "hard", mrrPps: Infinity }, "mrrPps", "Infinity"],
    [{ kind: "hard", mrrPps: 1, noise: -0.1 }, "noise", "-0.1"],
    [{ kind: "hard", mrrPps: 1, seed: 1.5 }, "seed", "1.5"],
    [{ kind: "hard", mrrPps: 1, seed: -1 }, "seed", "-1"],
    [{ kind: "stretch", mrrPps: 1, spreadPps: Number.NaN }, "spreadPps", "NaN"],
    [{ kind: "bursty", mrrPps: 1, burstProbability: 1.5 }, "burstProbability", "1.5"],
    [{ kind: "bursty", mrrPps: 1, burstLossRatio: "0.1" }, "burstLossRatio", '"0.1"'],
  ])("rejects %o naming %s and quoting %s", (raw, option, quoted) => {
    const error = errorOf(() => compileDeviceSpec(raw as unknown as DeviceSpec));
    expect(error.code).toBe("DEVICE_OPTION_INVALID");
    expect(error.message).toContain(option);
    expect(error.message).toContain(`got ${quoted}`);
    expect(error.context["option"]).toBe(option);
    expect(error.userError).toBe(true);
  });

  it("rejects options that do not apply to the kind, saying where they apply", () => {
    const error = errorOf(() => compileDeviceSpec({ kind: "hard", mrrPps: 1, spreadPps: 5 }));
    expect(error.code).toBe("DEVICE_OPTION_UNSUPPORTED");
    expect(error.message).toContain("spreadPps");
    expect(error.message).toContain("stretch, erf");
    expect(errorOf(() => compileDeviceSpec({ kind: "stretch", mrrPps: 1, noise: 0.1 })).code).toBe("DEVICE_OPTION_UNSUPPORTED");
  });

  it("rejects unknown option names", () => {
    const error = errorOf(() => compileDeviceSpec({ kind: "hard", mrrPps: 1, mrr: 5 } as unknown as DeviceSpec));
    expect(error.code).toBe("DEVICE_OPTION_UNKNOWN");
    expect(error.message).toContain('"mrr"');
  });
});
