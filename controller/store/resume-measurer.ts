/**
 * Replay-then-live: resuming an interrupted search. Searches are deterministic given their trial
 * results, so a search restarted from scratch asks again for the trials it asked for before. The
 * first k requests are answered from the k stored trials (each must match: same load and duration
 * within 1e-9 relative, else STORE_RESUME_MISMATCH); later ones go to the live measurer, and each
 * live trial is handed to `onLiveTrial` (to be stored) before the search sees it.
 */
import type { Clock } from "../../common/clock.js";
import { TestbenchError } from "../../common/errors.js";
import type { Measurer, TrialRequest, TrialResult } from "../search/measurer.js";

export const resumeRelativeTolerance = 1e-9;

/** A trial the live measurer answered. */
export interface LiveTrial {
  /** 1-based position in the search's sequence of measurements (stored ones included). */
  readonly index: number;
  readonly request: TrialRequest;
  readonly result: TrialResult;
  readonly startedAtMs: number;
  readonly endedAtMs: number;
}

export interface ResumeMeasurerOptions {
  /** Wall time around live trials. */
  readonly clock: Clock;
  /** Names the stored run in errors, e.g. `run 7 ("throughput/hard-10M" #1) in /data/lab.sqlite`. */
  readonly source: string;
  /** Called after every live trial, before the search gets its result; a throw fails the measurement. */
  readonly onLiveTrial?: (trial: LiveTrial) => void;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= resumeRelativeTolerance * Math.max(Math.abs(a), Math.abs(b));
}

export class ResumeMeasurer implements Measurer {
  private answered = 0;
  private inFlight = false;

  constructor(
    private readonly stored: readonly TrialResult[],
    private readonly live: Measurer,
    private readonly options: ResumeMeasurerOptions,
  ) {}

  async measure(request: TrialRequest, signal?: AbortSignal): Promise<TrialResult> {
    signal?.throwIfAborted();
    if (this.inFlight) throw new Error("ResumeMeasurer.measure was called while a trial was in flight; searches measure one trial at a time");
    const index = this.answered + 1;
    const stored = this.stored[index - 1];
    if (stored !== undefined) {
      this.checkMatch(index, request, stored);
      this.answered = index;
      // The search insists on exactly the load it asked for; the stored one may differ by float noise.
      return Object.freeze({ ...stored, durationS: request.durationS, loadPps: request.loadPps });
    }
    this.inFlight = true;
    try {
      const startedAtMs = this.options.clock.wallMs();
      const result = await this.live.measure(request, signal);
      const endedAtMs = this.options.clock.wallMs();
      this.options.onLiveTrial?.({ index, request, result, startedAtMs, endedAtMs });
      this.answered = index;
      return result;
    } finally {
      this.inFlight = false;
    }
  }

  /** Stored trials the search has been given back so far. */
  get replayedCount(): number {
    return Math.min(this.answered, this.stored.length);
  }

  /** Trials the live measurer answered so far. */
  get liveCount(): number {
    return Math.max(0, this.answered - this.stored.length);
  }

  /** Whether trial `index` (1-based) was measured live, i.e. is new and needs storing. */
  isLive(index: number): boolean {
    return index > this.stored.length && index <= this.answered;
  }

  /** Throws STORE_RESUME_MISMATCH when the search ended before asking for every stored trial. */
  assertConsumed(): void {
    if (this.answered >= this.stored.length) return;
    const next = this.stored[this.answered];
    throw new TestbenchError(
      "STORE_RESUME_MISMATCH",
      `cannot resume ${this.options.source}: the search ended after ${this.answered} trials, but ${this.stored.length} are stored (trial ${this.answered + 1} was ${next?.durationS} s at ${next?.loadPps} pps); the search no longer repeats its stored trials (was the campaign file or Testbench changed?): run the experiment as a new campaign`,
      { context: { source: this.options.source, trialsUsed: this.answered, trialsStored: this.stored.length } },
    );
  }

  private checkMatch(index: number, request: TrialRequest, stored: TrialResult): void {
    if (close(request.loadPps, stored.loadPps) && close(request.durationS, stored.durationS)) return;
    throw new TestbenchError(
      "STORE_RESUME_MISMATCH",
      `cannot resume ${this.options.source}: at trial ${index} the search asked for ${request.durationS} s at ${request.loadPps} pps, but the stored trial ${index} was ${stored.durationS} s at ${stored.loadPps} pps; the search no longer repeats its stored trials (was the campaign file or Testbench changed?): run the experiment as a new campaign`,
      {
        context: {
          source: this.options.source,
          trial: index,
          requestedLoadPps: request.loadPps,
          storedLoadPps: stored.loadPps,
          requestedDurationS: request.durationS,
          storedDurationS: stored.durationS,
        },
      },
    );
  }
}
