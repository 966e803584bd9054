/**
 * One failover run of a campaign: connect the testbed's agents (an embedded testbed starts them),
 * run the timeline, put everything on one axis, analyse, and store the events, samples and the
 * recovery result. An action that did not succeed fails the run after its data is stored.
 * Ctrl-C between phases stops every stream and marks the run interrupted (it runs again on resume).
 */
import { systemClock } from "../../common/system-clock.js";
import { analyzeRun, assembleLiveRun } from "../analysis/failover/index.js";
import type { TestbedDefinition } from "../campaign/model.js";
import { actionFailedError, runFailoverTimeline } from "../failover/index.js";
import { analysisOptionsOf, planFromSettings } from "../failover/settings-plan.js";
import { failoverRecords } from "../failover/store-records.js";
import { connectFailoverAgents } from "../failover/testbed-agents.js";
import type { RunRecord } from "../store/index.js";
import type { ThroughputParameters } from "./plan.js";
import { endRunOnError, type RunEnding } from "./run-ending.js";
import type { RunContext } from "./run-throughput.js";

export async function executeFailoverRun(run: RunRecord, testbed: TestbedDefinition, context: RunContext): Promise<RunEnding> {
  const { store, stop } = context;
  const logger = context.logger.child({ runId: run.id, experiment: run.experimentKey, replication: run.replication });
  const settings = (run.parameters as unknown as ThroughputParameters).failover;
  store.markRunStarted(run.id, { testbed: testbed.name });
  try {
    if (settings === undefined) throw new TypeError(`run ${run.id} is of kind failover but has no failover settings`);
    const agents = await connectFailoverAgents(testbed, logger, stop);
    try {
      const plan = planFromSettings(settings, agents.roles);
      const timeline = await runFailoverTimeline(plan, agents.clients, { clock: systemClock, logger, signal: stop, runLabel: `run${run.id}-${run.attempts}` });
      const failoverRun = assembleLiveRun(timeline.recorder.captures(), timeline.originEvent);
      const analysis = analyzeRun(failoverRun, analysisOptionsOf(settings, plan));
      const records = failoverRecords(failoverRun, analysis);
      store.insertEvents(run.id, records.events);
      store.insertSamples(run.id, records.samples);
      logger.info({ mode: agents.mode, recoveryS: analysis.recovery.recoveryS, lostPackets: analysis.totals.lostPacketsAfterTrigger }, "failover run analysed");
      const { action } = timeline;
      if (action.outcome !== "succeeded") {
        const error = actionFailedError(plan.action.name, plan.action.agent, action.outcome, action.ended?.detail ?? action.stderr);
        store.markRunFailed(run.id, { code: error.code, message: error.message }, records.results);
        return "failed";
      }
      store.markRunSucceeded(run.id, records.results);
      return "succeeded";
    } finally {
      await agents.close();
    }
  } catch (error) {
    return endRunOnError(store, run, error, stop, logger);
  }
}
