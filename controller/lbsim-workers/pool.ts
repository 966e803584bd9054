/**
 * runLbsimCampaign: the campaign on worker threads. Everything is validated first (scenarios,
 * every run config, replications, workers, seed; ValidationError before any thread starts), then
 * the plan runs on `workers` threads (default: the machine's parallelism) with progress per run.
 * Results come back as tidy rows in plan order, with failures and how the campaign ended.
 */
import { availableParallelism } from "node:os";
import type { Clock } from "../../common/clock.js";
import { systemClock } from "../../common/system-clock.js";
import type { LbsimCampaignResult, LbsimProgress } from "../lbsim/campaign/campaign-result.js";
import { DEFAULT_ROOT_SEED, planLbsimTasks, type LbsimTask } from "../lbsim/campaign/plan.js";
import type { LbsimRun } from "../lbsim/campaign/summarize.js";
import { checkNumber } from "../lbsim/config/check.js";
import { LBSIM_ERROR_CODES } from "../lbsim/errors.js";
import type { LbsimScenario } from "../lbsim/scenarios/scenario-types.js";
import { compileScenarios } from "../lbsim/scenarios/select-scenarios.js";
import { CampaignRun } from "./campaign-run.js";
import { checkWorkerScript, workerScriptUrl } from "./worker-url.js";

export interface LbsimCampaignOptions {
  readonly scenarios: readonly LbsimScenario[];
  readonly replications: number;
  /** Worker threads; default os.availableParallelism(). */
  readonly workers?: number;
  /** Seeds derive from it, the scenario and the replication (see plan.ts); default 1. */
  readonly rootSeed?: number;
  /** After every finished or failed run. */
  readonly onProgress?: (progress: LbsimProgress) => void;
  /** Every finished run, as it arrives (to store it at once). */
  readonly onRun?: (run: LbsimRun) => void;
  /** Tasks to leave out, e.g. runs already stored by an interrupted campaign. */
  readonly skip?: (task: LbsimTask) => boolean;
  readonly signal?: AbortSignal;
  readonly clock?: Clock;
  /** The worker script; default the compiled worker next to this module (see worker-url.ts). */
  readonly workerUrl?: URL;
}

export const MAX_WORKERS = 256;

export async function runLbsimCampaign(options: LbsimCampaignOptions): Promise<LbsimCampaignResult> {
  compileScenarios(options.scenarios);
  const tasks = planLbsimTasks(options.scenarios, options.replications, options.rootSeed ?? DEFAULT_ROOT_SEED);
  const workers = checkNumber(LBSIM_ERROR_CODES.campaignOptionInvalid, "workers", options.workers ?? availableParallelism(), {
    integer: true,
    min: 1,
    max: MAX_WORKERS,
  });
  const todo = options.skip === undefined ? tasks : tasks.filter((task) => !(options.skip as (task: LbsimTask) => boolean)(task));
  const clock = options.clock ?? systemClock;
  const skipped = tasks.length - todo.length;
  if (todo.length === 0 || options.signal?.aborted === true) {
    return Object.freeze({ runs: [], failures: [], skipped, ended: todo.length === 0 ? "done" : "cancelled", wallMs: 0 });
  }
  const url = checkWorkerScript(options.workerUrl ?? workerScriptUrl());
  return new CampaignRun({ tasks: todo, total: tasks.length, skipped, workers, url, clock, signal: options.signal, onRun: options.onRun, onProgress: options.onProgress }).start();
}
