/**
 * Where the integrator looks: a weighted mean and covariance of the sampled points in (-1, 1)^2
 * (CSIT's two-dimensional VectorStatTracker used as the "focus"). The covariance is symmetric, so
 * three numbers hold it. State travels between computations (and threads) as a plain FocusState.
 */
import { logPlus } from "../../../common/devices/log-domain.js";
import { numericError } from "./errors.js";

export interface FocusState {
  /** log of the sum of weights; -Infinity when empty (the next point becomes the mean). */
  readonly logSumWeight: number;
  readonly mean0: number;
  readonly mean1: number;
  readonly cov00: number;
  readonly cov01: number;
  readonly cov11: number;
}

/** The first computation's focus: empty, centred, unit covariance. */
export const UNIT_FOCUS: FocusState = Object.freeze({ logSumWeight: -Infinity, mean0: 0, mean1: 0, cov00: 1, cov01: 0, cov11: 1 });

export class FocusTracker implements FocusState {
  logSumWeight: number;
  mean0: number;
  mean1: number;
  cov00: number;
  cov01: number;
  cov11: number;

  constructor(state: FocusState = UNIT_FOCUS) {
    this.logSumWeight = state.logSumWeight;
    this.mean0 = state.mean0;
    this.mean1 = state.mean1;
    this.cov00 = state.cov00;
    this.cov01 = state.cov01;
    this.cov11 = state.cov11;
  }

  /**
   * A later computation keeps the previous shape but forgets the weights, so its first sample
   * becomes the new centre (CSIT resets log_sum_weight to None).
   */
  static continuing(previous: FocusState | null): FocusTracker {
    if (previous === null) return new FocusTracker(UNIT_FOCUS);
    return new FocusTracker({ ...previous, logSumWeight: -Infinity });
  }

  /**
   * Add a point, first capping a weight that would dominate everything so far (log weight above
   * logSumWeight + 1: both become their mean), and return the squared Mahalanobis distance of the
   * point from the old mean under the old covariance.
   */
  addWithoutDominance(x0: number, x1: number, logWeight: number): number {
    let weight = logWeight;
    if (this.logSumWeight !== -Infinity && this.logSumWeight < weight - 1) {
      weight = (this.logSumWeight + weight) / 2;
      this.logSumWeight = weight;
    }
    const { cov00, cov01, cov11 } = this;
    const shift0 = x0 - this.mean0;
    const shift1 = x1 - this.mean1;
    this.add(shift0, shift1, x0, x1, weight);
    const determinant = cov00 * cov11 - cov01 * cov01;
    if (!(determinant > 0)) throw numericError("the focus covariance became singular", { cov00, cov01, cov11 });
    return (cov11 * shift0 * shift0 - 2 * cov01 * shift0 * shift1 + cov00 * shift1 * shift1) / determinant;
  }

  private add(shift0: number, shift1: number, x0: number, x1: number, logWeight: number): void {
    const oldLogSumWeight = this.logSumWeight;
    if (oldLogSumWeight === -Infinity) {
      this.logSumWeight = logWeight;
      this.mean0 = x0;
      this.mean1 = x1;
      return;
    }
    const newLogSumWeight = logPlus(oldLogSumWeight, logWeight);
    const dataRatio = Math.exp(oldLogSumWeight - newLogSumWeight);
    const sampleRatio = Math.exp(logWeight - newLogSumWeight);
    this.mean0 += shift0 * sampleRatio;
    this.mean1 += shift1 * sampleRatio;
    this.cov00 = (this.cov00 + shift0 * shift0 * sampleRatio) * dataRatio;
    this.cov01 = (this.cov01 + shift0 * shift1 * sampleRatio) * dataRatio;
    this.cov11 = (this.cov11 + shift1 * shift1 * sampleRatio) * dataRatio;
    this.logSumWeight = newLogSumWeight;
  }

  snapshot(): FocusState {
    const { logSumWeight, mean0, mean1, cov00, cov01, cov11 } = this;
    return { logSumWeight, mean0, mean1, cov00, cov01, cov11 };
  }
}
