import { describe, expect, it } from "vitest";
import { compileAnalysisOptions, DEFAULT_ANALYSIS_OPTIONS } from "../../../../../controller/analysis/failover/index.js";

describe("compileAnalysisOptions", () => {
  it("fills in the defaults and freezes the result", () => {
    const options = compileAnalysisOptions({ epochS: 0.05 });
    expect(options).toEqual({ ...DEFAULT_ANALYSIS_OPTIONS, epochS: 0.05 });
    expect(DEFAULT_ANALYSIS_OPTIONS).toMatchObject({ epochS: 0.1, triggerEvent: "fail_link", recoveryThresholdPercent: 1, tcpRecoveryThresholdPercent: 10, epochAnchor: "trigger", attribution: "proportional" });
    expect(Object.isFrozen(options)).toBe(true);
  });

  it("names the option and quotes the value it refuses", () => {
    expect(() => compileAnalysisOptions({ epochS: 0 })).toThrow("failover analysis option epochS must be a finite number > 0, got 0");
    expect(() => compileAnalysisOptions({ recoveryThresholdPercent: 150 })).toThrow("option recoveryThresholdPercent must be a number in (0, 100], got 150");
    expect(() => compileAnalysisOptions({ recoveryHoldEpochs: 1.5 })).toThrow("option recoveryHoldEpochs must be an integer >= 1, got 1.5");
    expect(() => compileAnalysisOptions({ attribution: "ceil" as never })).toThrow('option attribution must be one of "proportional", "interval-end", got "ceil"');
    expect(() => compileAnalysisOptions({ triggerEvent: " " })).toThrow('option triggerEvent must be an event name, got " "');
    expect(() => compileAnalysisOptions({ epochMs: 100 } as never)).toThrow(/option epochMs must be a known option \(epochS, triggerEvent, /);
  });

  it("carries the FAILOVER_OPTION_INVALID code", () => {
    expect(() => compileAnalysisOptions({ powerEpochS: -1 })).toThrow(expect.objectContaining({ code: "FAILOVER_OPTION_INVALID", context: { option: "powerEpochS", value: "-1" } }));
  });
});
