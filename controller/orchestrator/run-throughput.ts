/**
 * One throughput run: start it in the store, measure through its testbed (stored trials of an
 * interrupted attempt are replayed first, each new trial is stored before the search sees it),
 * and end it succeeded, failed (with the search's partial results) or interrupted.
 */
import { TestbenchError } from "../../common/errors.js";
import { endRunOnError, type RunEnding } from "./run-ending.js";
import type { Logger } from "../../common/logger.js";
import type { TestbedDefinition } from "../campaign/model.js";
import { mlrConfigFromFlags } from "../cli/search-flags.js";
import { rfc2544OptionsFromFlags } from "../cli/search-rfc2544.js";
import { withVirtualTime } from "../measurers/virtual-time.js";
import type { Measurer } from "../search/measurer.js";
import { mlrSearch } from "../search/mlr/search.js";
import { runRfc2544Search } from "../search/rfc2544/search.js";
import { createRunMeasurer, mlrResultInputs, rfc2544ResultInput, type RunRecord, type Store } from "../store/index.js";
import { openLiveMeasurer } from "./live-measurer.js";
import type { ThroughputParameters } from "./plan.js";

export type { RunEnding } from "./run-ending.js";

export interface RunContext {
  readonly store: Store;
  readonly logger: Logger;
  /** Stop between trials: the trial in flight finishes, then the run is marked interrupted. */
  readonly stop: AbortSignal;
}

/** The search may stop between trials, but never cuts a trial short. */
function finishingTrials(measurer: Measurer): Measurer {
  return { measure: (request) => measurer.measure(request) };
}

export async function executeThroughputRun(run: RunRecord, testbed: TestbedDefinition, context: RunContext): Promise<RunEnding> {
  const { store, stop } = context;
  const logger = context.logger.child({ runId: run.id, experiment: run.experimentKey, replication: run.replication });
  const parameters = run.parameters as unknown as ThroughputParameters;
  store.markRunStarted(run.id, { testbed: testbed.name });
  try {
    const live = await openLiveMeasurer(testbed, parameters, { logger, trialIdPrefix: `run${run.id}` });
    try {
      const warmupS = Number(parameters.options["warmup"] ?? 0);
      const stored = createRunMeasurer(store, run.id, live.measurer, { clock: live.clock, isWarmup: (index) => warmupS > 0 && index === 1, ...(live.powerOf && { powerOf: live.powerOf }) });
      let measurer = finishingTrials(stored);
      if (live.virtualClock) measurer = withVirtualTime(measurer, live.virtualClock);
      if (stored.replayedCount > 0 || store.trialsOf(run.id).length > 0) logger.info({ storedTrials: store.trialsOf(run.id).length }, "resuming from stored trials");
      if (parameters.algorithm === "mlr") {
        const outcome = await mlrSearch(mlrConfigFromFlags({ preset: parameters.preset, ...parameters.options }), measurer, { clock: live.clock, signal: stop });
        const results = mlrResultInputs(outcome.goals);
        if (outcome.error) {
          store.markRunFailed(run.id, { code: outcome.error.code, message: outcome.error.message }, results);
          return "failed";
        }
        store.markRunSucceeded(run.id, results);
        return "succeeded";
      }
      const options = rfc2544OptionsFromFlags(parameters.options as Record<string, number>);
      const result = await runRfc2544Search({ measurer, clock: live.clock, options, signal: stop });
      store.markRunSucceeded(run.id, [rfc2544ResultInput(result, options.lossRatio ?? 0)]);
      return "succeeded";
    } finally {
      await live.close();
    }
  } catch (error) {
    return endRunOnError(store, run, error, stop, logger);
  }
}

export function unknownTestbed(run: RunRecord, name: string): TestbenchError {
  return new TestbenchError("RUN_TESTBED_UNKNOWN", `run ${run.experimentKey}#${run.replication} names testbed ${name}, which the campaign file no longer defines`, { context: { runId: run.id, testbed: name } });
}
