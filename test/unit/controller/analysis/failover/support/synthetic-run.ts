/**
 * A failover run built in memory, shaped like iperf3 reports one: UDP sessions at a constant rate,
 * an outage after the trigger in which nothing arrives (0/0 intervals), the outage's loss charged
 * to the first interval that receives after it; TCP sessions whose throughput drops to 0 instead; optional power meters with a step at the trigger.
 */
import type { FailoverRun, IperfSession, PowerStream, RunEvent, SessionInterval } from "../../../../../../controller/analysis/failover/index.js";

export interface SyntheticPower {
  readonly device: string;
  readonly baseW: number;
  /** Added from the trigger on. */
  readonly stepW: number;
  readonly sampleEveryS: number;
  /** Sample times (s) replaced by gap markers. */
  readonly gapsAtS?: readonly number[];
}

export interface SyntheticRunSpec {
  readonly triggerAtS: number;
  readonly outageS: number;
  readonly sessionStartsS?: readonly number[];
  readonly durationS?: number;
  readonly intervalS?: number;
  readonly packetsPerInterval?: number;
  readonly protocol?: "udp" | "tcp";
  readonly power?: readonly SyntheticPower[];
}

const S = 1e9;

function interval(startNs: number, endNs: number, fields: Partial<SessionInterval>): SessionInterval {
  return { startNs, endNs, bytes: 0, packets: null, lostPackets: null, jitterMs: null, rttUs: null, retransmits: null, omitted: false, ...fields };
}

function overlapS(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

function session(id: string, startS: number, spec: SyntheticRunSpec): IperfSession {
  const intervalS = spec.intervalS ?? 0.1;
  const perInterval = spec.packetsPerInterval ?? 200;
  const [outFrom, outTo] = [spec.triggerAtS, spec.triggerAtS + spec.outageS];
  const received: SessionInterval[] = [];
  const sent: SessionInterval[] = [];
  let pendingLost = 0;
  const count = Math.round((spec.durationS ?? 3) / intervalS);
  for (let index = 0; index < count; index += 1) {
    const from = startS + index * intervalS;
    const to = from + intervalS;
    const arriving = Math.round(perInterval * (1 - overlapS(from, to, outFrom, outTo) / intervalS));
    const [startNs, endNs] = [Math.round(from * S), Math.round(to * S)];
    if (spec.protocol === "tcp") {
      received.push(interval(startNs, endNs, { bytes: arriving * 1448 }));
      sent.push(interval(startNs, endNs, { bytes: arriving * 1448, rttUs: 300, retransmits: arriving < perInterval ? 5 : 0 }));
      continue;
    }
    // iperf3 sees a gap only when a later datagram arrives: the loss lands after the outage.
    pendingLost += perInterval - arriving;
    const detected = arriving > 0 && to > outTo;
    const lost = detected ? pendingLost : 0;
    if (detected) pendingLost = 0;
    received.push(interval(startNs, endNs, { bytes: arriving * 1200, packets: arriving > 0 ? lost + arriving : 0, lostPackets: lost, jitterMs: 0.01 }));
    sent.push(interval(startNs, endNs, { bytes: perInterval * 1200, packets: perInterval }));
  }
  return { id, protocol: spec.protocol ?? "udp", received, sent, totals: null, warnings: [] };
}

function power(meter: SyntheticPower, spec: SyntheticRunSpec): PowerStream {
  const samples: PowerStream["samples"][number][] = [];
  const gaps: PowerStream["gaps"][number][] = [];
  const steps = Math.round((spec.durationS ?? 3) / meter.sampleEveryS);
  for (let index = 0; index <= steps; index += 1) {
    const atS = Number((index * meter.sampleEveryS).toFixed(6));
    if (meter.gapsAtS?.includes(atS)) gaps.push({ atNs: Math.round(atS * S), reason: "timeout" });
    else samples.push({ atNs: Math.round(atS * S), powerW: meter.baseW + (atS >= spec.triggerAtS ? meter.stepW : 0) });
  }
  return { device: meter.device, samples, gaps };
}

export function syntheticRun(spec: SyntheticRunSpec): FailoverRun {
  const events: RunEvent[] = [
    { name: "iperf_client", phase: "start", atNs: 0, host: null, detail: null },
    { name: "fail_link", phase: "start", atNs: Math.round(spec.triggerAtS * S), host: null, detail: null },
    { name: "failover", phase: "start", atNs: Math.round((spec.triggerAtS + spec.outageS) * S), host: null, detail: null },
  ];
  return {
    originUnixNs: 1_795_383_005_227_546_000n,
    originEvent: "iperf_client",
    sessions: (spec.sessionStartsS ?? [0, 0.05]).map((startS, index) => session(String(index), startS, spec)),
    events,
    power: (spec.power ?? []).map((meter) => power(meter, spec)),
    warnings: [],
  };
}
