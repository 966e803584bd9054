/** Test doubles for PLRsearch: a formula integrator and the reference schedule's deterministic device. */
import type { VirtualClock } from "../../../../../common/clock.js";
import type { Measurer, TrialRequest, TrialResult } from "../../../../../controller/search/measurer.js";
import { makeTrialResult } from "../../../../../controller/search/measurer.js";
import type { IntegrationEstimate, IntegrationJob, Integrator } from "../../../../../controller/search/plr/integrator.js";
import { UNIT_FOCUS } from "../../../../../controller/search/plr/focus-tracker.js";

export interface FormulaIntegrator extends Integrator {
  readonly jobs: IntegrationJob[];
  stops: number;
}

/** Estimates from a formula of the job's trials (log averages) with fixed pessimistic variances. */
export function formulaIntegrator(logAverage: (job: IntegrationJob) => number, variance: (job: IntegrationJob) => number): FormulaIntegrator {
  const integrator: FormulaIntegrator = {
    jobs: [],
    stops: 0,
    start(job) {
      integrator.jobs.push(job);
      return {
        stop: async (): Promise<IntegrationEstimate> => {
          integrator.stops += 1;
          const average = logAverage(job);
          const primary = { logSumWeight: 0, average, logVariance: -Infinity };
          return {
            fitting: job.fitting,
            value: { primary, secondary: primary, maxLogWeight: 0 },
            logAverage: average,
            pessimisticVariance: variance(job),
            samples: job.minSamples,
            focus: UNIT_FOCUS,
            busyS: null,
          };
        },
      };
    },
  };
  return integrator;
}

/** The reference schedule's fake CSIT computation (the fake computation the reference run used). */
export function referenceEstimates(capacityPps: number): FormulaIntegrator {
  return formulaIntegrator(
    (job) => {
      const loads = [...job.trials.loadPps];
      const n = loads.length;
      if (n === 0) return Math.log((job.fitting === "stretch" ? 0.5 : 0.6) * capacityPps);
      if (job.fitting === "erf") return Math.log(0.985 * capacityPps + (0.01 * capacityPps * ((5 * n) % 7)) / 7.0);
      const mean = loads.reduce((sum, load) => sum + load, 0) / n;
      return Math.log(0.5 * mean + 0.45 * (loads[n - 1] as number) * (0.96 + (0.03 * ((7 * n) % 11)) / 11.0));
    },
    (job) => (job.fitting === "stretch" ? 4e-6 : 9e-6),
  );
}

/** The reference run's device: hard at the capacity, a few packets lost just below it. */
export function referenceDevice(capacityPps: number, clock: VirtualClock): Measurer & { readonly requests: TrialRequest[] } {
  const requests: TrialRequest[] = [];
  return {
    requests,
    async measure(request: TrialRequest): Promise<TrialResult> {
      requests.push(request);
      const { loadPps, durationS } = request;
      const offeredCount = Math.trunc(loadPps * durationS);
      let lostCount = Math.max(0, offeredCount - Math.trunc(capacityPps * durationS));
      if (0.985 * capacityPps < loadPps && loadPps <= capacityPps) lostCount = 2 + Math.trunc((loadPps - 0.985 * capacityPps) / 20000.0);
      clock.advance(durationS);
      return makeTrialResult({ durationS, loadPps, offeredCount, lostCount });
    },
  };
}
