/**
 * A campaign in this thread, one run after another: the tests' path and the benchmark's
 * single-thread baseline. Pure: no clock, so wall times are null.
 */
import { isTestbenchError } from "../../../common/errors.js";
import { runCompiled } from "../run.js";
import { compileScenarios } from "../scenarios/select-scenarios.js";
import type { LbsimScenario } from "../scenarios/scenario-types.js";
import type { LbsimFailure } from "./campaign-result.js";
import { DEFAULT_ROOT_SEED, planLbsimTasks, type LbsimTask } from "./plan.js";
import type { LbsimRun } from "./summarize.js";

export interface SerialCampaignResult {
  readonly runs: readonly LbsimRun[];
  readonly failures: readonly LbsimFailure[];
}

export function runLbsimCampaignSerial(
  scenarios: readonly LbsimScenario[],
  replications: number,
  rootSeed = DEFAULT_ROOT_SEED,
  onRun?: (run: LbsimRun, task: LbsimTask) => void,
): SerialCampaignResult {
  const compiled = compileScenarios(scenarios);
  const runs: LbsimRun[] = [];
  const failures: LbsimFailure[] = [];
  for (const task of planLbsimTasks(scenarios, replications, rootSeed)) {
    const config = compiled.get(task.scenario)?.get(task.algorithm);
    const where = { scenario: task.scenario, algorithm: task.algorithm, replication: task.replication, seed: task.seed };
    try {
      if (config === undefined) throw new Error(`no compiled config for ${task.scenario}/${task.algorithm}`);
      const run: LbsimRun = Object.freeze({ ...where, metrics: runCompiled(config, task.seed), wallMs: null });
      runs.push(run);
      onRun?.(run, task);
    } catch (error) {
      const code = isTestbenchError(error) ? error.code : "LBSIM_RUN_FAILED";
      failures.push(Object.freeze({ ...where, code, message: error instanceof Error ? error.message : String(error) }));
    }
  }
  return { runs, failures };
}
