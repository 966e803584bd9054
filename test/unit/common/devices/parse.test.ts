import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../../common/errors.js";
import { formatDeviceSpec, parseDeviceSpec } from "../../../../common/devices/parse.js";

function codeOf(text: string): string {
  try {
    parseDeviceSpec(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).code;
  }
  throw new Error(`expected ${text} to be rejected`);
}

describe("parseDeviceSpec", () => {
  it("reads the compact form and applies defaults", () => {
    expect(parseDeviceSpec("stretch:mrr=1e7,spread=1e5,seed=1")).toEqual({ kind: "stretch", mrrPps: 1e7, spreadPps: 1e5, seed: 1 });
    expect(parseDeviceSpec(" hard : mrr = 2.5e6 , noise=0 ")).toEqual({ kind: "hard", mrrPps: 2.5e6, noise: 0, seed: 1 });
    expect(parseDeviceSpec("bursty:mrr=1e6,burst-probability=0.25,burst-loss-ratio=.02,seed=3")).toEqual({
      kind: "bursty",
      mrrPps: 1e6,
      noise: 0.001,
      seed: 3,
      burstProbability: 0.25,
      burstLossRatio: 0.02,
    });
  });

  it("round-trips through formatDeviceSpec", () => {
    for (const text of ["erf:mrr=1e7,spread=12345.5,seed=2", "bursty:mrr=3e5", "hard:mrr=1e6,noise=0.01,seed=0"]) {
      const spec = parseDeviceSpec(text);
      expect(parseDeviceSpec(formatDeviceSpec(spec))).toEqual(spec);
    }
    expect(formatDeviceSpec(parseDeviceSpec("stretch:mrr=1e7"))).toBe("stretch:mrr=10000000,spread=100000,seed=1");
  });

  it("gives stable codes for each kind of mistake", () => {
    expect(codeOf("soft:mrr=1")).toBe("DEVICE_UNKNOWN");
    expect(codeOf("hard")).toBe("DEVICE_OPTION_MISSING");
    expect(codeOf("hard:mrr")).toBe("DEVICE_SPEC_SYNTAX");
    expect(codeOf("hard:mrr=1,mrr=2")).toBe("DEVICE_SPEC_SYNTAX");
    expect(codeOf("hard:mrr=1,,noise=0")).toBe("DEVICE_SPEC_SYNTAX");
    expect(codeOf("hard:mrr=1,rate=2")).toBe("DEVICE_OPTION_UNKNOWN");
    expect(codeOf("hard:mrr=0x10")).toBe("DEVICE_OPTION_INVALID");
    expect(codeOf("hard:mrr=")).toBe("DEVICE_OPTION_INVALID");
    expect(codeOf("hard:mrr=-5")).toBe("DEVICE_OPTION_INVALID");
    expect(codeOf("hard:mrr=1,spread=5")).toBe("DEVICE_OPTION_UNSUPPORTED");
  });

  it("names the option, quotes the value and says what is valid", () => {
    expect(() => parseDeviceSpec("stretch:mrr=1e7,spread=abc")).toThrow(/spread must be a decimal number, got "abc"/);
    expect(() => parseDeviceSpec("hard:mrr=1e7,noise=2")).toThrow(/noise must be a number in \[0, 1\].*got 2/);
    expect(() => parseDeviceSpec("hard:mrr=1,speed=3")).toThrow(/valid options: mrr, spread, noise, seed, burst-probability, burst-loss-ratio/);
  });
});
