/**
 * The one Measurer interface every search calls (ARCHITECTURE.md "One Measurer").
 * Loads are per-direction packets per second (CSIT: unidirectional transactions/s).
 */

export interface TrialRequest {
  /** Intended trial duration in seconds. */
  readonly durationS: number;
  /** Intended offered load in packets per second (per direction). */
  readonly loadPps: number;
}

export interface TrialResult {
  readonly durationS: number;
  readonly loadPps: number;
  /** Packets the generator should have sent in the intended duration. */
  readonly intendedCount: number;
  /** Packets actually sent. */
  readonly offeredCount: number;
  /** Packets received back. */
  readonly forwardedCount: number;
  /** offered - forwarded; negative when more came back than was sent (flagged, counted as loss). */
  readonly lostCount: number;
  /** How long traffic was actually offered. */
  readonly offeredDurationS: number;
  /** Wall time of the whole trial including start/stop overheads: what the search's sums add. */
  readonly durationWithOverheadsS: number;
}

export interface Measurer {
  measure(request: TrialRequest, signal?: AbortSignal): Promise<TrialResult>;
}

/** Counts a measurer may give; the missing one of offered/forwarded/lost is derived. */
export interface TrialCounts {
  readonly durationS: number;
  readonly loadPps: number;
  readonly offeredCount: number;
  readonly lostCount?: number;
  readonly forwardedCount?: number;
  readonly intendedCount?: number;
  readonly offeredDurationS?: number;
  readonly durationWithOverheadsS?: number;
}

function checkedInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`TrialResult.${name} must be a safe integer, got ${value}`);
  return value;
}

/** Build a frozen TrialResult, deriving the third count and the duration defaults as CSIT does. */
export function makeTrialResult(counts: TrialCounts): TrialResult {
  const offeredCount = checkedInteger("offeredCount", counts.offeredCount);
  let lostCount: number;
  let forwardedCount: number;
  if (counts.lostCount !== undefined) {
    lostCount = checkedInteger("lostCount", counts.lostCount);
    forwardedCount = counts.forwardedCount === undefined ? offeredCount - lostCount : checkedInteger("forwardedCount", counts.forwardedCount);
    if (forwardedCount + lostCount !== offeredCount) {
      throw new RangeError(`TrialResult counts disagree: offered ${offeredCount} != forwarded ${forwardedCount} + lost ${lostCount}`);
    }
  } else if (counts.forwardedCount !== undefined) {
    forwardedCount = checkedInteger("forwardedCount", counts.forwardedCount);
    lostCount = offeredCount - forwardedCount;
  } else {
    throw new RangeError("TrialResult needs lostCount or forwardedCount besides offeredCount");
  }
  const offeredDurationS = counts.offeredDurationS ?? counts.durationS;
  return Object.freeze({
    durationS: counts.durationS,
    loadPps: counts.loadPps,
    intendedCount: checkedInteger("intendedCount", counts.intendedCount ?? offeredCount),
    offeredCount,
    forwardedCount,
    lostCount,
    offeredDurationS,
    durationWithOverheadsS: counts.durationWithOverheadsS ?? offeredDurationS,
  });
}

/**
 * Loss ratio as in RFC 9971 and CSIT: unsent packets count as lost, and so does
 * negative loss. (|lost| + |intended - offered|) / max(offered, intended); 0 when nothing was due.
 */
export function lossRatio(result: TrialResult): number {
  const denominator = Math.max(result.offeredCount, result.intendedCount);
  if (denominator <= 0) return 0;
  return (Math.abs(result.lostCount) + Math.abs(result.intendedCount - result.offeredCount)) / denominator;
}

/** Relative forwarding rate: intended load times the share not lost. */
export function relativeForwardingRatePps(result: TrialResult): number {
  return result.loadPps * (1 - lossRatio(result));
}
