import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../../common/clock.js";
import { parseReferenceArgs } from "../../../../../controller/cli/reference-args.js";
import { mlrConfigFromFlags } from "../../../../../controller/cli/search-flags.js";
import { ReplayMeasurer } from "../../../../../controller/measurers/replay.js";
import { readVectorFile } from "../../../../../controller/measurers/vector-file.js";
import { withVirtualTime } from "../../../../../controller/measurers/virtual-time.js";
import { mlrSearch } from "../../../../../controller/search/mlr/search.js";
import { vectorDir } from "../../../../helpers/paths.js";

const vectorFiles = readdirSync(vectorDir).filter((name) => name.endsWith(".json")).sort();

function expectClose(actual: number | null, expected: number | null, what: string): void {
  if (expected === null) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
}

interface RawGoal {
  rlb_stat: { gl: number; bl: number; gs: number; bs: number } | null;
  rub_stat: { gl: number; bl: number; gs: number; bs: number } | null;
}

describe("MLRsearch conformance with CSIT MLRsearch 1.2.1 vectors", () => {
  it("finds the vector files", () => {
    expect(vectorFiles.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of vectorFiles) {
    it(`replays ${name} exactly`, async () => {
      const vector = readVectorFile(path.join(vectorDir, name));
      const flags = parseReferenceArgs(vector.referenceArgs, name);
      const config = mlrConfigFromFlags(flags);
      const replay = new ReplayMeasurer(vector.trials, { overheadS: flags.overhead ?? 0, source: name });
      const clock = new VirtualClock();
      const outcome = await mlrSearch(config, withVirtualTime(replay, clock), { clock });
      replay.assertConsumed();
      expect(outcome.trials).toHaveLength(vector.trials.length);
      if (vector.error !== null) {
        expect(outcome.error?.code).toBe("SEARCH_NO_LOWER_BOUND");
        const load = Number(/float_load=([0-9.e+-]+)/.exec(vector.error)?.[1]);
        expect(outcome.error?.context["loadPps"]).toBe(load);
        const stat = /good_long=([0-9.]+), bad_long=([0-9.]+), good_short=([0-9.]+), bad_short=([0-9.]+)/.exec(vector.error);
        expect(stat).not.toBeNull();
        expect(outcome.error?.context["goodLongS"]).toBe(Number(stat?.[1]));
        expect(outcome.error?.context["badLongS"]).toBe(Number(stat?.[2]));
        expect(outcome.error?.context["goodShortS"]).toBe(Number(stat?.[3]));
        expect(outcome.error?.context["badShortS"]).toBe(Number(stat?.[4]));
        return;
      }
      expect(outcome.error).toBeNull();
      const rawGoals = (vector.rawResult["goals"] ?? []) as RawGoal[];
      expect(outcome.goals.map((goal) => goal.name)).toEqual(vector.goals.map((goal) => goal.goal));
      outcome.goals.forEach((goal, index) => {
        const expected = vector.goals[index];
        const raw = rawGoals[index];
        if (!expected || !raw) throw new Error(`vector has no goal ${index}`);
        expect(goal.lossRatio).toBe(expected.lossRatio);
        expectClose(goal.conditionalThroughputPps, expected.conditionalThroughputPps, `${goal.name} conditional throughput`);
        expectClose(goal.relevantLowerBoundPps, expected.relevantLowerBoundPps, `${goal.name} RLB`);
        expectClose(goal.relevantUpperBoundPps, expected.relevantUpperBoundPps, `${goal.name} RUB`);
        expect(goal.regular).toBe(expected.regular);
        const sums = (s: RawGoal["rlb_stat"]) => (s ? { goodLongS: s.gl, badLongS: s.bl, goodShortS: s.gs, badShortS: s.bs } : null);
        expect(goal.lowerBoundSums).toEqual(sums(raw.rlb_stat));
        expect(goal.upperBoundSums).toEqual(sums(raw.rub_stat));
      });
    });
  }
});
