/**
 * One soak run: PLRsearch with its integrator on worker threads, through the run's testbed.
 * Trials are stored as they happen (and replayed on resume: campaigns integrate a fixed number
 * of samples per trial, so the search is deterministic given its trials); each trial's estimate
 * is stored as a sample on the stream "plr:estimate"; the result is the soak estimate.
 */
import type { TestbedDefinition } from "../campaign/model.js";
import { plrOptionsFrom } from "../campaign/experiment-check.js";
import { withVirtualTime } from "../measurers/virtual-time.js";
import { runPlrSearchOnWorkers } from "../plr-workers/index.js";
import { createRunMeasurer, type RunRecord } from "../store/index.js";
import { openLiveMeasurer } from "./live-measurer.js";
import type { ThroughputParameters } from "./plan.js";
import { endRunOnError, type RunEnding } from "./run-ending.js";
import type { RunContext } from "./run-throughput.js";

export const estimateStream = "plr:estimate";

export async function executeSoakRun(run: RunRecord, testbed: TestbedDefinition, context: RunContext): Promise<RunEnding> {
  const { store, stop } = context;
  const logger = context.logger.child({ runId: run.id, experiment: run.experimentKey, replication: run.replication });
  const parameters = run.parameters as unknown as ThroughputParameters;
  const options = plrOptionsFrom(parameters.options);
  store.markRunStarted(run.id, { testbed: testbed.name });
  try {
    const live = await openLiveMeasurer(testbed, parameters, { logger, trialIdPrefix: `run${run.id}` });
    try {
      const stored = createRunMeasurer(store, run.id, live.measurer, { clock: live.clock, ...(live.powerOf && { powerOf: live.powerOf }) });
      const finishing = { measure: (request: Parameters<typeof stored.measure>[0]) => stored.measure(request) };
      const measurer = live.virtualClock ? withVirtualTime(finishing, live.virtualClock) : finishing;
      const knownEstimates = store.samplesOf(run.id, estimateStream).length;
      const result = await runPlrSearchOnWorkers({
        measurer,
        clock: live.clock,
        options,
        signal: stop,
        onTrial: (record) => {
          if (record.trialNumber <= knownEstimates) return;
          store.insertSamples(run.id, [
            {
              stream: estimateStream,
              atNs: BigInt(Math.round(live.clock.wallMs() * 1e6)),
              value: record.estimate.avgPps,
              values: { trial: record.trialNumber, loadPps: record.loadPps, lossRatio: record.lossRatio, avgPps: record.estimate.avgPps, stdevPps: record.estimate.stdevPps },
            },
          ]);
        },
      });
      store.markRunSucceeded(run.id, [
        {
          kind: "soak",
          goalName: "PLR",
          lossRatio: options.packetLossRatioTarget ?? 1e-7,
          averagePps: result.avgPps,
          stdevPps: result.stdevPps,
          extra: { lowerPps: result.lowerPps, upperPps: result.upperPps, trials: result.trialCount, trialSecondsSum: result.trialSecondsSum, stoppedBy: result.stoppedBy },
        },
      ]);
      return "succeeded";
    } finally {
      await live.close();
    }
  } catch (error) {
    return endRunOnError(store, run, error, stop, logger);
  }
}
