/**
 * PLRsearch (CSIT's soak search): estimate the critical load, the offered load whose mean loss
 * ratio equals the target, as a posterior average and stdev. Each trial k (from 1) lasts
 * trialDurationPerTrialS * (trialNumberOffset + k) seconds at a load the schedule picks; while it
 * runs, the integrator computes both fitting functions' posteriors from the trials before it.
 * After each trial the limits are checked (time on the injected clock since the start, trial
 * count); when one is reached, the estimate computed during that last trial is the result.
 *
 * Pure: no I/O, no timers. It takes a Measurer, a Clock, an Integrator and an AbortSignal.
 */
import type { Clock } from "../../../common/clock.js";
import type { Measurer, TrialResult } from "../measurer.js";
import { lossRatio } from "../measurer.js";
import { combineEstimates } from "./combine.js";
import type { FittingRecord } from "./computations.js";
import { ComputationPair } from "./computations.js";
import type { FittingName } from "./fitting.js";
import type { FocusState } from "./focus-tracker.js";
import type { IntegrationJob, Integrator } from "./integrator.js";
import { LoadSchedule } from "./load-schedule.js";
import type { PlrConfig, PlrOptions } from "./options.js";
import { compilePlrOptions } from "./options.js";
import type { PlrResult, PlrStopReason, PlrTrialRecord } from "./result.js";
import type { TrialTable } from "./trial-table.js";
import { buildTrialTable, plrLossCount } from "./trial-table.js";

export interface PlrSearchParams {
  readonly measurer: Measurer;
  readonly clock: Clock;
  readonly options: PlrOptions;
  readonly integrator: Integrator;
  readonly signal?: AbortSignal;
  /** Called after every trial with its record (the CLI prints one line per trial). */
  readonly onTrial?: (record: PlrTrialRecord) => void;
  readonly debug?: (message: string) => void;
}

function jobFactory(config: PlrConfig, trials: TrialTable) {
  const minSamples = config.samplesPerTrial ?? config.minSamplesPerTrial;
  const maxSamples = config.samplesPerTrial ?? Infinity;
  return (fitting: FittingName, focus: FocusState | null): IntegrationJob => ({
    fitting,
    trials,
    minLoadPps: config.minLoadPps,
    maxLoadPps: config.maxLoadPps,
    lossRatioTarget: config.packetLossRatioTarget,
    focus,
    seed: config.seed,
    scaleCoefficient: config.scaleCoefficient,
    minSamples,
    maxSamples,
  });
}

class SamplingRate {
  private samples = 0;
  private busyS: number | null = 0;

  add(samples: number, busyS: number | null): void {
    this.samples += samples;
    this.busyS = this.busyS === null || busyS === null ? null : this.busyS + busyS;
  }

  perSecond(): number | null {
    return this.busyS === null || this.busyS <= 0 ? null : this.samples / this.busyS;
  }
}

function finish(records: readonly PlrTrialRecord[], rate: SamplingRate, stoppedBy: PlrStopReason): PlrResult {
  const last = records[records.length - 1] as PlrTrialRecord;
  let trialSecondsSum = 0;
  let effectiveSecondsSum = 0;
  for (const record of records) {
    trialSecondsSum += record.result.durationS;
    effectiveSecondsSum += record.result.durationWithOverheadsS;
  }
  return Object.freeze({
    ...last.estimate,
    trials: Object.freeze([...records]),
    trialCount: records.length,
    trialSecondsSum,
    effectiveSecondsSum,
    samplesPerSecond: rate.perSecond(),
    stoppedBy,
  });
}

/** Run the search until its time or trial limit; rejects with the signal's reason, a measurer error or an integrator error. */
export async function runPlrSearch(params: PlrSearchParams): Promise<PlrResult> {
  const config = compilePlrOptions(params.options);
  const { measurer, clock, integrator, signal, onTrial, debug } = params;
  const startS = clock.monotonicS();
  const schedule = new LoadSchedule(config);
  const measured: TrialResult[] = [];
  const records: PlrTrialRecord[] = [];
  const rate = new SamplingRate();
  let focus: FittingRecord<FocusState | null> = { stretch: null, erf: null };
  let loadPps = schedule.firstLoadPps;
  for (let trialNumber = 1; ; trialNumber += 1) {
    signal?.throwIfAborted();
    const durationS = config.trialDurationPerTrialS * (config.trialNumberOffset + trialNumber);
    const computations = await ComputationPair.start(integrator, jobFactory(config, buildTrialTable(measured)), focus);
    let result: TrialResult;
    try {
      result = await measurer.measure({ durationS, loadPps }, signal);
    } catch (error) {
      await computations.discard();
      throw error;
    }
    const estimates = await computations.stop();
    focus = { stretch: estimates.stretch.focus, erf: estimates.erf.focus };
    rate.add(estimates.stretch.samples + estimates.erf.samples, sumOrNull(estimates.stretch.busyS, estimates.erf.busyS));
    const estimate = combineEstimates(estimates.stretch, estimates.erf);
    const lossy = schedule.record(result);
    const elapsedS = clock.monotonicS() - startS;
    const record: PlrTrialRecord = Object.freeze({
      trialNumber,
      durationS,
      loadPps,
      result,
      lossRatio: lossRatio(result),
      plrLossCount: plrLossCount(result),
      lossy,
      estimate,
      samples: Object.freeze({ stretch: estimates.stretch.samples, erf: estimates.erf.samples }),
      elapsedS,
    });
    records.push(record);
    debug?.(
      `plr trial ${trialNumber}: ${loadPps} pps for ${durationS} s, loss ratio ${record.lossRatio}${lossy ? " (lossy)" : ""}; ` +
        `estimate ${estimate.avgPps} +- ${estimate.stdevPps} pps (stretch ${estimate.stretchPps}, erf ${estimate.erfPps}; ` +
        `${record.samples.stretch} + ${record.samples.erf} samples); lossy loads ${schedule.lossyLoads.length}`,
    );
    onTrial?.(record);
    if (elapsedS >= config.timeoutS) return finish(records, rate, "timeout");
    if (trialNumber >= config.maxTrials) return finish(records, rate, "maxTrials");
    measured.push(result);
    loadPps = schedule.next(trialNumber, result, estimate.stretchPps, estimate.erfPps);
  }
}

function sumOrNull(first: number | null, second: number | null): number | null {
  return first === null || second === null ? null : first + second;
}
