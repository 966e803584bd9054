import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../../common/errors.js";
import { NOTEBOOK_REQUEST_RATE } from "../../../../controller/lbsim/config/defaults.js";
import { BUILTIN_SCENARIOS, NOTEBOOK_SCENARIO, RAMP_MULTIPLIERS, TODO_SCENARIOS } from "../../../../controller/lbsim/scenarios/builtin-campaign.js";
import { NOTEBOOK_ALGORITHMS } from "../../../../controller/lbsim/scenarios/notebook-algorithms.js";
import { runConfigFor } from "../../../../controller/lbsim/scenarios/scenario-types.js";
import { compileScenarios, selectScenarios } from "../../../../controller/lbsim/scenarios/select-scenarios.js";

describe("the built-in campaign", () => {
  it("holds the notebook's 46-entry table, in its order, plus the published pickers", () => {
    expect(NOTEBOOK_ALGORITHMS).toHaveLength(46);
    expect(NOTEBOOK_ALGORITHMS[0]?.name).toBe("Random");
    expect(NOTEBOOK_ALGORITHMS.at(-1)?.name).toBe("FastestProbeAllLowerRequestRate");
    expect(NOTEBOOK_SCENARIO.algorithms.map((algorithm) => algorithm.name)).toEqual(expect.arrayContaining(["Prequal", "EnvoyLeastRequest", "PeakEwma", "Hcl"]));
  });

  it("runs the notebook's settings: 170 ticks at 11.67 requests per server per tick; lower rates for probing entries", () => {
    const config = (name: string) => {
      const algorithm = NOTEBOOK_SCENARIO.algorithms.find((entry) => entry.name === name);
      if (algorithm === undefined) throw new Error(`no algorithm ${name}`);
      return runConfigFor(NOTEBOOK_SCENARIO, algorithm);
    };
    expect(config("Random")).toMatchObject({ totalTicks: 170, requestsPerServerPerTick: NOTEBOOK_REQUEST_RATE });
    expect(NOTEBOOK_REQUEST_RATE).toBeCloseTo(70 / 6, 12);
    expect(config("ProbingHclLowerRequestRate").requestRateMultiplier).toBe(0.5);
    expect(config("FastestProbe2LowerRequestRate").requestRateMultiplier).toBeCloseTo(6 / (6 + (2 * 55) / 63), 12);
    expect(config("RoundRobinLittleBigJobs")).toMatchObject({ servers: 10, meanThreads: 400, requestRateMultiplier: 4 });
  });

  it("adds the notebook's TODO scenarios and a load ramp, and every run config compiles", () => {
    expect(TODO_SCENARIOS.map((scenario) => scenario.name)).toEqual([
      "negligibleServerLatency",
      "negligibleNetworkLatency",
      "bigRttSpread",
      "manyLowQpsClients",
      "lowUtilization",
      "highUtilization",
      "longRun",
      "loadRamp",
    ]);
    const ramp = TODO_SCENARIOS.at(-1);
    expect(ramp?.overrides.loadSteps?.map((step) => step.multiplier)).toEqual([...RAMP_MULTIPLIERS]);
    const compiled = compileScenarios(BUILTIN_SCENARIOS);
    expect([...compiled.values()].reduce((sum, configs) => sum + configs.size, 0)).toBe(
      BUILTIN_SCENARIOS.reduce((sum, scenario) => sum + scenario.algorithms.length, 0),
    );
  });

  it("selects scenarios by name and names the unknown ones", () => {
    expect(selectScenarios(["lowUtilization", "notebook"]).map((scenario) => scenario.name)).toEqual(["notebook", "lowUtilization"]);
    expect(selectScenarios(undefined)).toHaveLength(BUILTIN_SCENARIOS.length);
    expect(() => selectScenarios(["notebok"])).toThrow(expect.objectContaining({ code: "LBSIM_SCENARIO_UNKNOWN", message: expect.stringContaining('"notebok"') }));
  });

  it("rejects malformed campaigns before anything runs, naming scenario and algorithm", () => {
    const bad = { name: "s", description: "", overrides: {}, algorithms: [{ name: "x", picker: { picker: "leastCost", cost: "nope" } }] };
    expect(() => compileScenarios([bad])).toThrow(expect.objectContaining({ code: "LBSIM_COST_UNKNOWN", message: expect.stringContaining('algorithm "x"') }));
    expect(() => compileScenarios([{ ...bad, algorithms: [] }])).toThrow(ValidationError);
    expect(() => compileScenarios([{ ...bad, algorithms: [{ name: "x", picker: { picker: "random" } }] }, { ...bad, algorithms: [{ name: "y", picker: { picker: "random" } }] }])).toThrow(
      expect.objectContaining({ code: "LBSIM_SCENARIO_INVALID" }),
    );
  });
});
