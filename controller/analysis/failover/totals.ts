/**
 * Whole-packet totals of a run: datagrams lost over the run and in the window after the trigger,
 * and TCP retransmits likewise. An interval counts in the window when it ends inside it: iperf3
 * reports a loss when it detects it, at the end of the interval that saw the gap. Sums of integer
 * counts, so no rounding is needed.
 */
import type { IperfSession, SessionInterval } from "./model.js";

export interface RunTotals {
  /** UDP: datagrams expected (lost + received) over the run; null without UDP receiver data. */
  readonly packets: number | null;
  readonly lostPackets: number | null;
  readonly lostPacketsAfterTrigger: number | null;
  /** TCP: segments retransmitted; null without TCP sender data. */
  readonly retransmits: number | null;
  readonly retransmitsAfterTrigger: number | null;
  readonly afterTriggerWindowS: number;
}

function total(intervals: readonly SessionInterval[], pick: (interval: SessionInterval) => number | null): number | null {
  const values = intervals.map(pick).filter((value): value is number => value !== null);
  if (values.length === 0) return null;
  const sum = values.reduce((acc, value) => acc + value, 0);
  if (!Number.isSafeInteger(sum)) throw new RangeError(`a packet total is not a safe integer: ${sum}`);
  return sum;
}

export function runTotals(sessions: readonly IperfSession[], triggerAtNs: number, afterTriggerWindowS: number): RunTotals {
  const received = sessions.flatMap((session) => session.received.filter((interval) => !interval.omitted));
  const sent = sessions.flatMap((session) => session.sent.filter((interval) => !interval.omitted));
  const windowEndNs = triggerAtNs + afterTriggerWindowS * 1e9;
  const inWindow = (interval: SessionInterval) => interval.endNs >= triggerAtNs && interval.endNs < windowEndNs;
  const lostPackets = total(received, (interval) => interval.lostPackets);
  const retransmits = total(sent, (interval) => interval.retransmits);
  return {
    packets: total(received, (interval) => interval.packets),
    lostPackets,
    lostPacketsAfterTrigger: lostPackets === null ? null : (total(received.filter(inWindow), (interval) => interval.lostPackets) ?? 0),
    retransmits,
    retransmitsAfterTrigger: retransmits === null ? null : (total(sent.filter(inWindow), (interval) => interval.retransmits) ?? 0),
    afterTriggerWindowS,
  };
}
