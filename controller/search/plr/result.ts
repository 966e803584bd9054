/** What PLRsearch reports: one record per trial as it happens, and the final result. */
import type { TrialResult } from "../measurer.js";
import type { CombinedEstimate } from "./combine.js";
import type { FittingName } from "./fitting.js";

export interface PlrTrialRecord {
  /** 1 for the first trial of the search. */
  readonly trialNumber: number;
  readonly durationS: number;
  readonly loadPps: number;
  readonly result: TrialResult;
  /** lossRatio(result): unsent packets count as lost. */
  readonly lossRatio: number;
  readonly plrLossCount: number;
  /** The trial counted as lossy for the load schedule. */
  readonly lossy: boolean;
  /** The estimate computed while this trial ran (from the trials before it). */
  readonly estimate: CombinedEstimate;
  readonly samples: Readonly<Record<FittingName, number>>;
  /** Time on the search's clock since the search started, after this trial. */
  readonly elapsedS: number;
}

export type PlrStopReason = "timeout" | "maxTrials";

export interface PlrResult extends CombinedEstimate {
  readonly trials: readonly PlrTrialRecord[];
  readonly trialCount: number;
  /** Sum of the trials' intended durations. */
  readonly trialSecondsSum: number;
  /** Sum of the trials' durations with overheads. */
  readonly effectiveSecondsSum: number;
  /** Integrator samples per second per fitting function (per worker); null when the integrator is not timed. */
  readonly samplesPerSecond: number | null;
  readonly stoppedBy: PlrStopReason;
}
