/**
 * The in-thread integrator: each computation takes a fixed number of samples from the job's seed,
 * so a search over a seeded device gives the same numbers on every run (tests, --samples). The
 * samples are taken when stop() is called; a worker pool given the same jobs computes the same
 * estimates, bit for bit, because both run runIntegration.
 */
import type { Clock } from "../../../common/clock.js";
import { ValidationError, quote } from "../../../common/errors.js";
import { runIntegration } from "./integration.js";
import type { IntegrationEstimate, IntegrationHandle, IntegrationJob, Integrator } from "./integrator.js";

export interface DeterministicIntegratorOptions {
  /** Samples per computation when the job sets no finite maxSamples; default 1000. */
  readonly samplesPerComputation?: number;
  /** When given, computations are timed on it (busyS), e.g. for samples per second. */
  readonly clock?: Clock;
}

export const DEFAULT_SAMPLES_PER_COMPUTATION = 1000;

/** The fixed count a job gets: its own cap when finite, else the integrator's count (at least the job's minimum). */
export function fixedSampleCount(job: IntegrationJob, samplesPerComputation: number): number {
  if (Number.isFinite(job.maxSamples)) return job.maxSamples;
  return Math.max(job.minSamples, samplesPerComputation);
}

export function createDeterministicIntegrator(options: DeterministicIntegratorOptions = {}): Integrator {
  const samplesPerComputation = options.samplesPerComputation ?? DEFAULT_SAMPLES_PER_COMPUTATION;
  if (!Number.isSafeInteger(samplesPerComputation) || samplesPerComputation < 1) {
    throw new ValidationError(
      "SEARCH_OPTION_INVALID",
      `Deterministic integrator option samplesPerComputation must be an integer >= 1, got ${quote(samplesPerComputation)}`,
      { context: { option: "samplesPerComputation" } },
    );
  }
  const { clock } = options;
  return Object.freeze({
    start(job: IntegrationJob): IntegrationHandle {
      let estimate: Promise<IntegrationEstimate> | undefined;
      const compute = async (): Promise<IntegrationEstimate> => {
        const count = fixedSampleCount(job, samplesPerComputation);
        const startS = clock?.monotonicS();
        const result = runIntegration({ ...job, minSamples: count, maxSamples: count });
        const busyS = clock === undefined || startS === undefined ? null : clock.monotonicS() - startS;
        return { ...result, busyS };
      };
      return Object.freeze({
        stop: () => (estimate ??= compute()),
      });
    },
  });
}
