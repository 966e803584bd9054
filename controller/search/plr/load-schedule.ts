/**
 * Which load PLRsearch measures next (CSIT's schedule):
 *   trial 1 at (min + max) / 2, trial 2 at max, trials 3 and 4 at the previous trial's relative
 *   forwarding rate / (1 - target); from trial 5 on, the mean of the two fitting functions'
 *   estimates, pulled up towards the lowest recent lossy load while trials keep seeing no loss.
 * The "lossy loads" workaround: a sorted list that starts as [max]. A trial is lossy when its PLR
 * loss count reaches intendedCount * target; it then adds 4 * zeros copies of its load, where
 * zeros counts the non-lossy trials since the last lossy one, itself included. After a non-lossy
 * trial the estimate e becomes (lowest + 2^(1-zeros) e) / (1 + 2^(1-zeros)) if the lowest lossy
 * load is above it, and the three lowest entries are dropped while more than three remain.
 * Every load is clipped to [min, max].
 */
import type { TrialResult } from "../measurer.js";
import { relativeForwardingRatePps } from "../measurer.js";
import { plrLossCount } from "./trial-table.js";

export interface LoadScheduleConfig {
  readonly minLoadPps: number;
  readonly maxLoadPps: number;
  readonly packetLossRatioTarget: number;
}

export class LoadSchedule {
  private lossyLoadsPps: number[];
  /** Non-lossy trials since the last lossy one (0 right after a lossy trial). */
  private zeros = 0;

  constructor(private readonly config: LoadScheduleConfig) {
    this.lossyLoadsPps = [config.maxLoadPps];
  }

  get firstLoadPps(): number {
    return (this.config.minLoadPps + this.config.maxLoadPps) / 2;
  }

  /** The lossy loads as they stand (sorted). */
  get lossyLoads(): readonly number[] {
    return this.lossyLoadsPps;
  }

  /** Count a measured trial in; true when it was lossy. */
  record(result: TrialResult): boolean {
    this.zeros += 1;
    const lossy = plrLossCount(result) >= result.intendedCount * this.config.packetLossRatioTarget;
    if (lossy) {
      for (let copy = 0; copy < 4 * this.zeros; copy += 1) this.lossyLoadsPps.push(result.loadPps);
      this.lossyLoadsPps.sort((a, b) => a - b);
      this.zeros = 0;
    }
    return lossy;
  }

  /** The load after trial `trialIndex` (1-based), given its result and the estimates computed during it. */
  next(trialIndex: number, result: TrialResult, stretchPps: number, erfPps: number): number {
    const { minLoadPps, maxLoadPps, packetLossRatioTarget } = this.config;
    let loadPps: number;
    if (trialIndex <= 1) {
      loadPps = maxLoadPps;
    } else if (trialIndex <= 3) {
      loadPps = relativeForwardingRatePps(result) / (1 - packetLossRatioTarget);
    } else {
      loadPps = (stretchPps + erfPps) / 2;
      if (this.zeros > 0) {
        const lowestLossyPps = this.lossyLoadsPps[0] as number;
        if (lowestLossyPps > loadPps) {
          const diminisher = Math.pow(2, 1 - this.zeros);
          loadPps = (lowestLossyPps + diminisher * loadPps) / (1 + diminisher);
        }
        if (this.lossyLoadsPps.length > 3) this.lossyLoadsPps = this.lossyLoadsPps.slice(3);
      }
    }
    return Math.min(maxLoadPps, Math.max(minLoadPps, loadPps));
  }
}
