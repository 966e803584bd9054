/**
 * What the report says about a metric across replications: n, mean, sample standard deviation,
 * the Student t confidence interval of the mean, min and max.
 */
import { studentTQuantile } from "./student-t.js";

export interface ConfidenceInterval {
  readonly confidence: number;
  readonly low: number;
  readonly high: number;
  /** t(1 - (1 - confidence) / 2, n - 1) * stdev / sqrt(n). */
  readonly halfWidth: number;
}

export interface SampleSummary {
  readonly n: number;
  /** null when there are no values. */
  readonly mean: number | null;
  /** Sample standard deviation (n - 1 in the denominator); null below 2 values. */
  readonly stdev: number | null;
  /** null below 2 values: one replication says nothing about the spread. */
  readonly interval: ConfidenceInterval | null;
  readonly min: number | null;
  readonly max: number | null;
}

function checkFinite(values: readonly number[]): void {
  const bad = values.find((value) => !Number.isFinite(value));
  if (bad !== undefined) throw new RangeError(`sample values must be finite numbers, got ${bad}`);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("the mean of no values is undefined");
  checkFinite(values);
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Two-pass sample standard deviation (stable for values far from zero, e.g. 1e7 pps ± 10). */
export function sampleStdev(values: readonly number[]): number {
  if (values.length < 2) throw new RangeError(`the sample standard deviation needs at least 2 values, got ${values.length}`);
  const center = mean(values);
  const squares = values.reduce((sum, value) => sum + (value - center) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

/** The Student t interval of the mean at `confidence` (e.g. 0.95) for n >= 2 values. */
export function meanConfidenceInterval(values: readonly number[], confidence = 0.95): ConfidenceInterval {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const center = mean(values);
  const halfWidth = (studentTQuantile(1 - (1 - confidence) / 2, values.length - 1) * sampleStdev(values)) / Math.sqrt(values.length);
  return { confidence, low: center - halfWidth, high: center + halfWidth, halfWidth };
}

export function summarize(values: readonly number[], confidence = 0.95): SampleSummary {
  checkFinite(values);
  if (values.length === 0) return { n: 0, mean: null, stdev: null, interval: null, min: null, max: null };
  const several = values.length >= 2;
  return {
    n: values.length,
    mean: mean(values),
    stdev: several ? sampleStdev(values) : null,
    interval: several ? meanConfidenceInterval(values, confidence) : null,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}
