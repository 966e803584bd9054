/** What the campaign runner and an lbsim worker thread say to each other (structured clone). */
import type { LbsimTask } from "../lbsim/campaign/plan.js";
import type { RunMetrics } from "../lbsim/stats/run-metrics.js";

export interface RunMessage {
  readonly type: "run";
  readonly task: LbsimTask;
}

export interface ResultMessage {
  readonly type: "result";
  readonly index: number;
  readonly metrics: RunMetrics;
  readonly wallMs: number;
}

export interface FailedMessage {
  readonly type: "failed";
  readonly index: number;
  readonly code: string;
  readonly message: string;
}

export type ToWorker = RunMessage;
export type FromWorker = ResultMessage | FailedMessage;
