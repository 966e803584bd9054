/**
 * Weighted mean and variance of scalar samples, kept online with weights and variance as
 * natural logarithms (CSIT's ScalarStatTracker). -Infinity stands for log(0): an empty tracker has
 * logSumWeight = -Infinity, average 0 and logVariance = -Infinity.
 */
import { logPlus } from "../../../common/devices/log-domain.js";

export interface ScalarStats {
  readonly logSumWeight: number;
  readonly average: number;
  readonly logVariance: number;
}

export class ScalarStatTracker implements ScalarStats {
  logSumWeight = -Infinity;
  average = 0;
  logVariance = -Infinity;

  /** Copy another tracker's state into this one. */
  setFrom(other: ScalarStats): this {
    this.logSumWeight = other.logSumWeight;
    this.average = other.average;
    this.logVariance = other.logVariance;
    return this;
  }

  /** Add a sample with weight exp(logWeight). The first sample only sets the average. */
  add(value: number, logWeight: number): this {
    const oldLogSumWeight = this.logSumWeight;
    if (oldLogSumWeight === -Infinity) {
      this.logSumWeight = logWeight;
      this.average = value;
      return this;
    }
    const newLogSumWeight = logPlus(oldLogSumWeight, logWeight);
    const logSampleRatio = logWeight - newLogSumWeight;
    const shift = value - this.average;
    this.average += shift * Math.exp(logSampleRatio);
    let logVariance = this.logVariance;
    if (shift !== 0) logVariance = logPlus(logVariance, 2 * Math.log(Math.abs(shift)) + logSampleRatio);
    if (logVariance !== -Infinity) logVariance += oldLogSumWeight - newLogSumWeight;
    this.logVariance = logVariance;
    this.logSumWeight = newLogSumWeight;
    return this;
  }

  snapshot(): ScalarStats {
    return { logSumWeight: this.logSumWeight, average: this.average, logVariance: this.logVariance };
  }
}
