/**
 * One TrialResult from an agent's per-direction counters, by CSIT's rules:
 * - the search's load is per direction, counts are sums over directions;
 * - each direction's intended count is ceil((D - 10 µs) * load), at least what it sent, so packets
 *   left unsent beyond 10 µs of traffic count as loss (lossRatio counts |intended - offered|);
 * - each direction's loss is |tx - rx|: negative loss (more received than sent) counts as loss too,
 *   and duplicates in one direction cannot hide drops in the other.
 */
import { TestbenchError } from "../../common/errors.js";
import { intendedCountFor } from "../../common/wire/trial-counts.js";
import type { RunTrialResult } from "../../common/wire/types.js";
import { makeTrialResult, type TrialRequest, type TrialResult } from "../search/measurer.js";

export interface AggregatedTrial {
  readonly result: TrialResult;
  /** Directions where more came back than was sent. */
  readonly negativeLossDirections: number;
  /** Directions that left packets unsent beyond the 10 µs allowance. */
  readonly unsentDirections: number;
}

/**
 * @param durationWithOverheadsS the controller's wall time of the whole remote call (what the
 *   search's duration sums add, as CSIT measures it around its remote call).
 */
export function aggregateTrialResult(request: TrialRequest, remote: RunTrialResult, durationWithOverheadsS: number): AggregatedTrial {
  if (remote.directions.length === 0) {
    throw new TestbenchError("REMOTE_RESULT_INVALID", `Agent result of trial ${remote.trialId} has no directions`, { context: { trialId: remote.trialId } });
  }
  let intendedCount = 0;
  let offeredCount = 0;
  let lostCount = 0;
  let negativeLossDirections = 0;
  let unsentDirections = 0;
  for (const direction of remote.directions) {
    const intended = intendedCountFor(request.durationS, request.loadPps, direction.txPackets);
    intendedCount += intended;
    offeredCount += direction.txPackets;
    lostCount += Math.abs(direction.txPackets - direction.rxPackets);
    if (direction.rxPackets > direction.txPackets) negativeLossDirections++;
    if (intended > direction.txPackets) unsentDirections++;
  }
  const result = makeTrialResult({
    durationS: request.durationS,
    loadPps: request.loadPps,
    intendedCount,
    offeredCount,
    lostCount,
    forwardedCount: offeredCount - lostCount,
    offeredDurationS: remote.offeredDurationS,
    durationWithOverheadsS: Math.max(durationWithOverheadsS, remote.durationWithOverheadsS),
  });
  return Object.freeze({ result, negativeLossDirections, unsentDirections });
}
