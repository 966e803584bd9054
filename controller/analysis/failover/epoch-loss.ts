/**
 * Loss % per epoch. UDP (the notebook's measure): datagrams lost / datagrams expected, summed over
 * sessions. An epoch in which less than one datagram was expected has no loss figure (null):
 * during an outage nothing arrives and iperf3 charges the outage's loss to the first interval
 * after it, and a sliver of an interval straddling the epoch says nothing. TCP has no packet loss to read, so loss is
 * inferred from throughput: the shortfall against the median epoch throughput just before the
 * trigger, 100 * (1 - throughput / baseline), clamped to [0, 100]. Retransmits are kept apart.
 */
import type { EpochSums } from "./epoch-series.js";
import type { IperfSession } from "./model.js";
import { median } from "./spread.js";

export type LossBasis = "udp-packets" | "tcp-throughput";

/**
 * Why an epoch has no loss figure: `outage` when sessions were reporting but (almost) nothing
 * arrived, `uncovered` when not every session covers it or there is nothing to compare against.
 */
export type LossGap = "outage" | "uncovered";

export interface EpochRow extends EpochSums {
  readonly lossPercent: number | null;
  /** null when lossPercent is a number. */
  readonly lossGap: LossGap | null;
}

/** Datagrams an epoch must expect to get a loss figure. */
export const MIN_PACKETS = 1;

export function lossBasisOf(sessions: readonly IperfSession[]): LossBasis {
  const udpReceiving = sessions.some((session) => session.protocol === "udp" && session.received.some((interval) => interval.packets !== null));
  return udpReceiving ? "udp-packets" : "tcp-throughput";
}

function coveredByAll(epoch: EpochSums, sessions: number): boolean {
  return epoch.throughputBps !== null && epoch.sessionsReporting >= sessions - 1e-6;
}

/**
 * The median throughput of the epochs that every session covers, ending at or before the trigger
 * and starting within `baselineNs` of it.
 */
export function tcpBaselineBps(sums: readonly EpochSums[], triggerAtNs: number, baselineNs: number, sessions: number): number | null {
  const before = sums.filter((epoch) => epoch.endNs <= triggerAtNs && epoch.startNs >= triggerAtNs - baselineNs && coveredByAll(epoch, sessions));
  return median(before.map((epoch) => epoch.throughputBps as number));
}

export function udpLossRows(sums: readonly EpochSums[]): EpochRow[] {
  return sums.map((epoch) => {
    if (epoch.packets === null) return { ...epoch, lossPercent: null, lossGap: "uncovered" };
    if (epoch.packets < MIN_PACKETS) return { ...epoch, lossPercent: null, lossGap: "outage" };
    return { ...epoch, lossPercent: (100 * (epoch.lostPackets ?? 0)) / epoch.packets, lossGap: null };
  });
}

/**
 * TCP loss rows. An epoch that not every session covers (sessions starting or ending in it) has no
 * figure: less throughput there is not loss. `sessions` is how many sessions report at all.
 */
export function tcpLossRows(sums: readonly EpochSums[], baselineBps: number | null, sessions: number): EpochRow[] {
  return sums.map((epoch) => {
    if (baselineBps === null || !(baselineBps > 0) || epoch.throughputBps === null || !coveredByAll(epoch, sessions)) return { ...epoch, lossPercent: null, lossGap: "uncovered" };
    return { ...epoch, lossPercent: Math.min(100, Math.max(0, 100 * (1 - epoch.throughputBps / baselineBps))), lossGap: null };
  });
}
