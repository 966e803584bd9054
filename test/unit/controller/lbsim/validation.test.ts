import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../../common/errors.js";
import type { SimConfigInput } from "../../../../controller/lbsim/config/config-types.js";
import { compileSimConfig } from "../../../../controller/lbsim/config/compile-config.js";
import { runScenarioReplication } from "../../../../controller/lbsim/run.js";

function failure(config: unknown): ValidationError {
  try {
    compileSimConfig(config as SimConfigInput);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("config validation (before anything runs)", () => {
  it.each([
    [{ picker: { picker: "bogus" } }, "LBSIM_PICKER_UNKNOWN", ['picker.picker', '"bogus"']],
    [{ picker: { picker: "leastCost", cost: "nope" } }, "LBSIM_COST_UNKNOWN", ["picker.cost", '"nope"']],
    [{ picker: { picker: "withProbes", inner: { picker: "hcl", health: "x" } } }, "LBSIM_COST_UNKNOWN", ["picker.inner.health", '"x"']],
    [{ picker: { picker: "leastCost" } }, "LBSIM_COST_UNKNOWN", ["picker.cost", "nothing"]],
    [{ picker: { picker: "random", cost: "clientRif" } }, "LBSIM_PICKER_OPTION_INVALID", ['"cost"', "random"]],
    [{ picker: { picker: "leastCost", cost: "clientRif", choices: 0 } }, "LBSIM_PICKER_OPTION_INVALID", ["picker.choices", "0"]],
    [{ picker: { picker: "subset", inner: { picker: "random" }, size: 13 } }, "LBSIM_PICKER_OPTION_INVALID", ["picker.size", "13"]],
    [{ picker: { picker: "withProbes" } }, "LBSIM_PICKER_OPTION_INVALID", ["picker.inner", "nothing"]],
    [{ picker: { picker: "prequal", qRif: 1.5 } }, "LBSIM_PICKER_OPTION_INVALID", ["picker.qRif", "1.5"]],
    [{ picker: { picker: "envoyLeastRequest", weights: "heavy" } }, "LBSIM_PICKER_OPTION_INVALID", ["picker.weights", '"heavy"']],
    [{ picker: { picker: "random" }, requestsPerServerPerTick: -1 }, "LBSIM_CONFIG_INVALID", ["requestsPerServerPerTick", "-1"]],
    [{ picker: { picker: "random" }, requestRateMultiplier: -0.5 }, "LBSIM_CONFIG_INVALID", ["requestRateMultiplier", "-0.5"]],
    [{ picker: { picker: "random" }, subsetSize: 41 }, "LBSIM_CONFIG_INVALID", ["subsetSize", "41"]],
    [{ picker: { picker: "random" }, servers: 8, subsetSize: 12 }, "LBSIM_CONFIG_INVALID", ["subsetSize", "12"]],
    [{ picker: { picker: "random" }, serverResetProbability: 2 }, "LBSIM_CONFIG_INVALID", ["serverResetProbability", "2"]],
    [{ picker: { picker: "random" }, meanProcessingTicks: 0.5 }, "LBSIM_CONFIG_INVALID", ["meanProcessingTicks", "0.5"]],
    [{ picker: { picker: "random" }, loadSteps: [] }, "LBSIM_CONFIG_INVALID", ["loadSteps", "[]"]],
    [{ picker: { picker: "random" }, loadSteps: [{ fromTick: 0, multiplier: -1 }] }, "LBSIM_CONFIG_INVALID", ["loadSteps[0].multiplier", "-1"]],
    [{ picker: { picker: "random" }, subsetting: "ring" }, "LBSIM_CONFIG_INVALID", ["subsetting", '"ring"']],
    [{ picker: { picker: "random" }, totalTick: 10 }, "LBSIM_CONFIG_INVALID", ['"totalTick"']],
    [{ picker: { picker: "random" }, servers: 100_000, totalTicks: 1000 }, "LBSIM_CONFIG_INVALID", ["totalTicks", "1000", "servers * (totalTicks + maxCooldownTicks)"]],
    [{ picker: { picker: "random" }, requestsPerServerPerTick: 1e6 }, "LBSIM_CONFIG_INVALID", ["requestsPerServerPerTick", "1000000"]],
  ])("%j fails with %s naming the key and the value", (config, code, fragments) => {
    const error = failure(config);
    expect(error.code).toBe(code);
    expect(error.userError).toBe(true);
    for (const fragment of fragments) expect(error.message).toContain(fragment);
  });

  it("accepts the notebook's defaults and every subset up to the server count", () => {
    expect(compileSimConfig({ picker: { picker: "random" } }).channelsPerClient).toBe(12);
    expect(compileSimConfig({ picker: { picker: "random" }, subsetSize: 40 }).channelsPerClient).toBe(40);
    expect(compileSimConfig({ picker: { picker: "random" }, subsetSize: null }).channelsPerClient).toBe(40);
    expect(compileSimConfig({ picker: { picker: "random" } }).warmupTicks).toBe(30);
  });

  it("rejects a seed that is not a non-negative safe integer", () => {
    expect(() => runScenarioReplication({ picker: { picker: "random" }, totalTicks: 2 }, -1)).toThrow(/seed/);
    expect(() => runScenarioReplication({ picker: { picker: "random" }, totalTicks: 2 }, 1.5)).toThrow(ValidationError);
  });
});
