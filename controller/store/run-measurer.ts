/**
 * The measurer the orchestrator gives a (possibly resumed) run's search: the run's stored trials
 * replayed first, then the live measurer, each live trial stored (one transaction) before the
 * search sees it. So a kill -9 at any moment loses at most the trial in flight, and the next
 * attempt repeats none of the stored ones.
 */
import type { Clock } from "../../common/clock.js";
import type { Measurer, TrialRequest, TrialResult } from "../search/measurer.js";
import { ResumeMeasurer } from "./resume-measurer.js";
import { describeRun } from "./run-table.js";
import type { Store } from "./store.js";
import { storeUserError } from "./store-errors.js";

export interface RunMeasurerOptions {
  readonly clock: Clock;
  /** Which trials are warm-ups (MLRsearch with warmupDurationS > 0: trial 1); default none. */
  readonly isWarmup?: (index: number, request: TrialRequest) => boolean;
  /** The power recorded over a live trial (stored in its `power` field), if any. */
  readonly powerOf?: (result: TrialResult) => unknown;
}

export function createRunMeasurer(store: Store, runId: number, live: Measurer, options: RunMeasurerOptions): ResumeMeasurer {
  const run = store.run(runId);
  if (run === undefined) {
    throw storeUserError("STORE_RUN_UNKNOWN", `run ${runId} is not in the store ${store.file}`, { file: store.file, context: { runId } });
  }
  if (run.status !== "running") {
    throw storeUserError("STORE_RUN_STATE_INVALID", `cannot measure for ${describeRun(run)} in ${store.file}: it is ${run.status}; mark it started (markRunStarted) first`, {
      file: store.file,
      context: { runId, status: run.status, action: "measure" },
    });
  }
  const stored = store.trialsOf(runId).map((trial) => trial.result);
  return new ResumeMeasurer(stored, live, {
    clock: options.clock,
    source: `${describeRun(run)} in ${store.file}`,
    onLiveTrial: (trial) => {
      const power = options.powerOf?.(trial.result);
      store.insertTrial(runId, {
        index: trial.index,
        warmup: options.isWarmup?.(trial.index, trial.request) ?? false,
        result: trial.result,
        startedAtMs: trial.startedAtMs,
        endedAtMs: trial.endedAtMs,
        ...(power !== undefined && { power }),
      });
    },
  });
}
