/**
 * A Measurer that replays a recorded trace: the k-th call must ask for trial k's duration
 * and load (relative tolerance 1e-9) and gets trial k's counts back. The first mismatch
 * fails loudly, naming the trial number and both loads.
 */
import { TestbenchError } from "../../common/errors.js";
import { makeTrialResult, type Measurer, type TrialRequest, type TrialResult } from "../search/measurer.js";
import type { VectorTrial } from "./vector-file.js";

export const replayRelativeTolerance = 1e-9;

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= replayRelativeTolerance * Math.max(Math.abs(a), Math.abs(b));
}

export class ReplayMeasurer implements Measurer {
  private next = 0;

  constructor(
    private readonly trials: readonly VectorTrial[],
    private readonly options: { readonly overheadS?: number; readonly source?: string } = {},
  ) {}

  async measure(request: TrialRequest, signal?: AbortSignal): Promise<TrialResult> {
    signal?.throwIfAborted();
    const source = this.options.source ?? "the replay trace";
    const trial = this.trials[this.next];
    const number = this.next + 1;
    if (!trial) {
      throw new TestbenchError("REPLAY_EXHAUSTED", `replay mismatch at trial ${number}: the search asked for ${request.durationS} s at ${request.loadPps} pps, but ${source} has only ${this.trials.length} trials`, {
        context: { trial: number, requestedLoadPps: request.loadPps, source },
      });
    }
    if (!close(request.loadPps, trial.loadPps) || !close(request.durationS, trial.durationS)) {
      throw new TestbenchError(
        "REPLAY_MISMATCH",
        `replay mismatch at trial ${number}: the search asked for ${request.durationS} s at ${request.loadPps} pps, ${source} has ${trial.durationS} s at ${trial.loadPps} pps`,
        { context: { trial: number, requestedLoadPps: request.loadPps, recordedLoadPps: trial.loadPps, requestedDurationS: request.durationS, recordedDurationS: trial.durationS, source } },
      );
    }
    this.next += 1;
    return makeTrialResult({
      durationS: request.durationS,
      loadPps: request.loadPps,
      offeredCount: trial.offeredCount,
      lostCount: trial.lostCount,
      durationWithOverheadsS: request.durationS + (this.options.overheadS ?? 0),
    });
  }

  /** Trials recorded but never asked for. */
  get remaining(): number {
    return this.trials.length - this.next;
  }

  /** Throws when the search stopped before asking for every recorded trial. */
  assertConsumed(): void {
    if (this.remaining > 0) {
      const trial = this.trials[this.next];
      throw new TestbenchError("REPLAY_UNUSED_TRIALS", `replay mismatch: the search stopped after ${this.next} trials, but ${this.options.source ?? "the replay trace"} has ${this.trials.length}; trial ${this.next + 1} (${trial?.loadPps} pps) was never asked for`, {
        context: { trialsUsed: this.next, trialsRecorded: this.trials.length },
      });
    }
  }
}
