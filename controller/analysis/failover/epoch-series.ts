/**
 * Per-epoch sums across all sessions of a run: datagrams expected and lost (UDP receivers),
 * goodput bytes (receivers; senders for a session with no receiver numbers), TCP RTT (mean
 * weighted by overlap, across sessions, as the notebook averaged RTT over clients) and
 * retransmits. Counts split across epochs may be fractional; totals elsewhere stay whole.
 */
import { accumulate, epochStartNs, type EpochGrid } from "./epoch-grid.js";
import type { IperfSession, SessionInterval } from "./model.js";
import type { Attribution } from "./options.js";

export interface EpochSums {
  readonly index: number;
  readonly startNs: number;
  readonly endNs: number;
  /** UDP datagrams expected (lost + received); null when no UDP receiver interval covers the epoch. */
  readonly packets: number | null;
  readonly lostPackets: number | null;
  readonly bytes: number;
  readonly throughputBps: number | null;
  readonly rttMs: number | null;
  readonly retransmits: number;
  /** How many sessions' intervals cover this epoch (2 = two sessions all through it; 0 = no data). */
  readonly sessionsReporting: number;
}

function used(intervals: readonly SessionInterval[]): SessionInterval[] {
  return intervals.filter((interval) => !interval.omitted);
}

function goodputIntervals(session: IperfSession): SessionInterval[] {
  return used(session.received.length > 0 ? session.received : session.sent);
}

export function epochSums(sessions: readonly IperfSession[], grid: EpochGrid, attribution: Attribution): EpochSums[] {
  const received = sessions.flatMap((session) => used(session.received));
  const goodput = sessions.flatMap(goodputIntervals);
  const sent = sessions.flatMap((session) => used(session.sent));
  const packets = accumulate(grid, received, attribution, (interval) => interval.packets);
  const lost = accumulate(grid, received, attribution, (interval) => interval.lostPackets);
  const bytes = accumulate(grid, goodput, attribution, (interval) => interval.bytes);
  const rtt = accumulate(grid, sent, attribution, (interval) => interval.rttUs);
  const retransmits = accumulate(grid, sent, attribution, (interval) => interval.retransmits);
  const epochS = grid.epochNs / 1e9;
  return Array.from({ length: grid.count }, (_, slot) => {
    const index = grid.firstIndex + slot;
    const rttWeight = rtt.weights[slot] ?? 0;
    const bytesWeight = bytes.weights[slot] ?? 0;
    const udpReporting = (packets.weights[slot] ?? 0) > 0;
    return {
      index,
      startNs: epochStartNs(grid, index),
      endNs: epochStartNs(grid, index + 1),
      packets: udpReporting ? (packets.sums[slot] ?? 0) : null,
      lostPackets: udpReporting ? (lost.sums[slot] ?? 0) : null,
      bytes: bytes.sums[slot] ?? 0,
      throughputBps: bytesWeight > 0 ? ((bytes.sums[slot] ?? 0) * 8) / epochS : null,
      rttMs: rttWeight > 0 ? (rtt.sums[slot] ?? 0) / rttWeight / 1000 : null,
      retransmits: retransmits.sums[slot] ?? 0,
      sessionsReporting: bytesWeight,
    };
  });
}
