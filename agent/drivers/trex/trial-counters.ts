import type { DirectionCounters } from "../traffic-generator.js";

/**
 * CSIT's per-direction accounting for a start+sleep+stop trial (TrafficGenerator.py,
 * _get_measurement_result): up to 10 µs worth of traffic may stay unsent (TRex workers do not all
 * start at once); anything beyond that is in the intended count but not sent, so it counts as loss.
 * TRex may also send more than intended, so the intended count is at least the sent count.
 */

/** Traffic allowed to stay unsent, seconds. */
export const unsentAllowanceS = 1e-5;

export interface PortCounterSample {
  readonly opackets: number;
  readonly ipackets: number;
}

/** Direction counters plus what CSIT derives from them; the extra fields are TRex-driver specific. */
export interface TrexDirectionCounters extends DirectionCounters {
  /** intendedCount - txPackets: scheduled packets that did not go out before the stop. */
  readonly unsentCount: number;
  /** txPackets - rxPackets; negative when more came back than was sent. */
  readonly lostCount: number;
  /** rx > tx: the device (or something on the link) duplicated packets. CSIT counts |loss| as loss. */
  readonly negativeLoss: boolean;
}

/** ceil((D - 10 µs) * rate), and at least the sent count. */
export function intendedCount(durationS: number, loadPps: number, txPackets: number): number {
  return Math.max(Math.ceil((durationS - unsentAllowanceS) * loadPps), txPackets);
}

function delta(name: string, after: number, before: number): number {
  const value = after - before;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`TRex counter ${name} went from ${before} to ${after}: not a non-negative safe integer delta (counters reset?)`);
  }
  return value;
}

export interface DirectionInput {
  readonly txPort: number;
  readonly rxPort: number;
  readonly durationS: number;
  readonly loadPps: number;
  readonly before: ReadonlyMap<number, PortCounterSample>;
  readonly after: ReadonlyMap<number, PortCounterSample>;
}

export function directionCounters(input: DirectionInput): TrexDirectionCounters {
  const { txPort, rxPort } = input;
  const sample = (map: ReadonlyMap<number, PortCounterSample>, port: number): PortCounterSample => {
    const found = map.get(port);
    if (!found) throw new RangeError(`no counters for port ${port}`);
    return found;
  };
  const txPackets = delta(`opackets of port ${txPort}`, sample(input.after, txPort).opackets, sample(input.before, txPort).opackets);
  const rxPackets = delta(`ipackets of port ${rxPort}`, sample(input.after, rxPort).ipackets, sample(input.before, rxPort).ipackets);
  const intended = intendedCount(input.durationS, input.loadPps, txPackets);
  const lostCount = txPackets - rxPackets;
  return Object.freeze({
    txPort,
    rxPort,
    intendedCount: intended,
    txPackets,
    rxPackets,
    unsentCount: intended - txPackets,
    lostCount,
    negativeLoss: lostCount < 0,
  });
}
