/** One run: config + seed -> metrics. Pure: the same config and seed give identical metrics. */
import { checkNumber } from "./config/check.js";
import type { SimConfigInput } from "./config/config-types.js";
import { compileSimConfig } from "./config/compile-config.js";
import type { CompiledSimConfig } from "./config/compiled.js";
import { LBSIM_ERROR_CODES } from "./errors.js";
import { runWorld } from "./model/engine.js";
import { createWorld } from "./model/world-setup.js";
import { computeRunMetrics, type RunMetrics } from "./stats/run-metrics.js";

/** Run an already compiled config (validation done once for many seeds). */
export function runCompiled(config: CompiledSimConfig, seed: number): RunMetrics {
  checkNumber(LBSIM_ERROR_CODES.configInvalid, "seed", seed, { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
  const world = createWorld(config, seed);
  runWorld(world);
  return computeRunMetrics(world);
}

/** Validate `config` (ValidationError before anything runs), simulate it with `seed`, summarize. */
export function runScenarioReplication(config: SimConfigInput, seed: number): RunMetrics {
  return runCompiled(compileSimConfig(config), seed);
}
