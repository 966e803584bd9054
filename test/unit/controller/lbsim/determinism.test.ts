import { describe, expect, it } from "vitest";
import type { PickerSpec } from "../../../../controller/lbsim/config/config-types.js";
import { runScenarioReplication } from "../../../../controller/lbsim/run.js";
import { NOTEBOOK_ALGORITHMS, PUBLISHED_ALGORITHMS } from "../../../../controller/lbsim/scenarios/notebook-algorithms.js";
import { TINY } from "./helpers.js";

const ALGORITHMS = [...NOTEBOOK_ALGORITHMS, ...PUBLISHED_ALGORITHMS].filter((algorithm) => algorithm.overrides?.servers === undefined);

describe("determinism", () => {
  it.each(ALGORITHMS.map((algorithm) => [algorithm.name, algorithm.picker] as [string, PickerSpec]))(
    "%s: the same seed gives identical metrics, another seed different ones",
    (_name, picker) => {
      const first = runScenarioReplication({ ...TINY, picker }, 7);
      expect(runScenarioReplication({ ...TINY, picker }, 7)).toEqual(first);
      expect(runScenarioReplication({ ...TINY, picker }, 8)).not.toEqual(first);
      expect(first.requestCount).toBe(6 * 8 * 40);
      expect(first.censoredCount).toBe(0);
      expect(Number.isFinite(first.latencyMeanTicks)).toBe(true);
    },
  );

  it("gives every picker the same arrivals under one seed (common random numbers)", () => {
    const random = runScenarioReplication({ ...TINY, picker: { picker: "random" } }, 3);
    const hcl = runScenarioReplication({ ...TINY, picker: { picker: "hcl" } }, 3);
    expect(hcl.requestCount).toBe(random.requestCount);
    expect(hcl.latencyMeanTicks).not.toBe(random.latencyMeanTicks);
  });
});
