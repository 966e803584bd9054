/**
 * The integrator seam. Around each measurement the search starts one computation per fitting
 * function and stops it when the measurement returns (CSIT's pipelining: the computation that
 * runs during trial n weighs trials 1..n-1). Implementations: in-thread and deterministic
 * (deterministic-integrator.ts), or one worker thread per fitting function (controller/plr-workers).
 * Jobs and estimates are plain data, so they cross thread boundaries by structured clone.
 */
import type { DualStats } from "./dual-stat-tracker.js";
import type { FittingName } from "./fitting.js";
import type { FocusState } from "./focus-tracker.js";
import type { TrialTable } from "./trial-table.js";

export interface IntegrationJob {
  readonly fitting: FittingName;
  /** The trials to weigh (all but the one being measured). */
  readonly trials: TrialTable;
  readonly minLoadPps: number;
  readonly maxLoadPps: number;
  readonly lossRatioTarget: number;
  /** The previous computation's focus for this fitting function; null for the first. */
  readonly focus: FocusState | null;
  /** The random stream restarts from this seed for every computation. */
  readonly seed: number;
  readonly scaleCoefficient: number;
  /** Samples taken even if stop() comes earlier. */
  readonly minSamples: number;
  /** No samples beyond this (Infinity: until stopped). minSamples = maxSamples is a fixed count. */
  readonly maxSamples: number;
}

export interface IntegrationEstimate {
  readonly fitting: FittingName;
  /** Weighted stats of log(critical load), primary and without the heaviest sample. */
  readonly value: DualStats;
  /** value.primary.average: the posterior mean of log(critical load). */
  readonly logAverage: number;
  /** pessimisticVariance(value). */
  readonly pessimisticVariance: number;
  readonly samples: number;
  /** Focus to continue from in the next computation. */
  readonly focus: FocusState;
  /** Seconds the computation ran, when the integrator times itself; else null. */
  readonly busyS: number | null;
}

export interface IntegrationHandle {
  /** Stop the computation (after its minimum samples) and return its estimate; idempotent. */
  stop(): Promise<IntegrationEstimate>;
}

export interface Integrator {
  /** Begin a computation. Throws when the integrator cannot take it (closed, failed, busy); failures while computing come out of stop(). */
  start(job: IntegrationJob): IntegrationHandle;
}
