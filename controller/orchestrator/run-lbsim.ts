/**
 * One lbsim run of a campaign: one replication of the experiment's scenario (every chosen
 * algorithm) on worker threads, seeded by the run's derived seed. Each algorithm's metrics are
 * stored as an event the moment its worker answers; a resumed run skips the algorithms already
 * stored. At the end every algorithm becomes a result row (lbsim-records.ts). Ctrl-C terminates
 * the workers at once: the algorithms in flight are lost and run again on resume.
 */
import { lbsimScenarioOf } from "../campaign/lbsim-experiment.js";
import { LBSIM_ERROR_CODES } from "../lbsim/index.js";
import { runLbsimCampaign } from "../lbsim-workers/index.js";
import type { RunRecord } from "../store/index.js";
import { LBSIM_EVENT_KIND, fromStoredLbsimRun, lbsimResult, toStoredLbsimRun, type StoredLbsimRun } from "./lbsim-records.js";
import type { LbsimParameters } from "./plan.js";
import { endRunOnError, type RunEnding } from "./run-ending.js";
import type { RunContext } from "./run-throughput.js";

export async function executeLbsimRun(run: RunRecord, context: RunContext): Promise<RunEnding> {
  const { store, stop } = context;
  const logger = context.logger.child({ runId: run.id, experiment: run.experimentKey, replication: run.replication });
  const parameters = run.parameters as unknown as LbsimParameters;
  store.markRunStarted(run.id, { testbed: parameters.testbed });
  try {
    if (parameters.lbsim === undefined) throw new TypeError(`run ${run.id} is of kind lbsim but has no lbsim settings`);
    const scenario = lbsimScenarioOf(parameters.lbsim);
    const done = new Map<string, StoredLbsimRun>();
    for (const event of store.eventsOf(run.id)) {
      if (event.kind !== LBSIM_EVENT_KIND) continue;
      const stored = fromStoredLbsimRun(event.payload);
      if (stored !== undefined) done.set(stored.algorithm, toStoredLbsimRun(stored, run.replication));
    }
    if (done.size > 0) logger.info({ stored: done.size }, "lbsim run resumed: skipping the algorithms already stored");
    const result = await runLbsimCampaign({
      scenarios: [scenario],
      replications: 1,
      rootSeed: run.seed,
      ...(parameters.lbsim.workers !== undefined && { workers: parameters.lbsim.workers }),
      signal: stop,
      skip: (task) => done.has(task.algorithm),
      onRun: (finished) => {
        const stored = toStoredLbsimRun(finished, run.replication);
        store.insertEvents(run.id, [{ atNs: BigInt(Date.now()) * 1_000_000n, source: "controller", kind: LBSIM_EVENT_KIND, payload: stored }]);
        done.set(stored.algorithm, stored);
      },
    });
    if (result.ended === "cancelled") {
      store.markRunInterrupted(run.id);
      logger.warn({ stored: done.size, algorithms: scenario.algorithms.length }, "lbsim run interrupted; `testbench run` on the same file resumes it");
      return "interrupted";
    }
    const results = scenario.algorithms.flatMap((algorithm) => {
      const stored = done.get(algorithm.name);
      return stored === undefined ? [] : [lbsimResult(stored)];
    });
    if (result.failures.length > 0) {
      const message = result.failures.map((failure) => `${failure.algorithm}: ${failure.message}`).join("; ");
      store.markRunFailed(run.id, { code: LBSIM_ERROR_CODES.runFailed, message }, results);
      return "failed";
    }
    store.markRunSucceeded(run.id, results);
    return "succeeded";
  } catch (error) {
    return endRunOnError(store, run, error, stop, logger);
  }
}
