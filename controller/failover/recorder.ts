/**
 * Everything a failover run produces, as it arrives: timeline events (each with the clock offset
 * of whoever stamped it), iperf3 intervals per session and side, power readings and gaps per
 * meter. `captures()` hands it to the pure assembler (assembleLiveRun) in one piece.
 */
import type { LiveInterval, LiveRunCaptures, LiveSession, RawEvent, RawPowerSeries, SessionTotals } from "../analysis/failover/index.js";
import type { AgentStream } from "../agents/agent-stream.js";
import type { ClockOffsetEstimate } from "../agents/clock-offset.js";
import type { EventPhase } from "../analysis/failover/index.js";
import type { IperfReport, StreamEnded } from "../../common/wire/types.js";

type Side = { intervals: LiveInterval[]; clockOffsetNs: number; fallbackAnchorUnixNs: bigint };

interface SessionRecord {
  readonly id: string;
  readonly protocol: "udp" | "tcp";
  server: Side | null;
  client: Side | null;
  totals: SessionTotals | null;
}

interface PowerRecord {
  readonly clockOffsetNs: number;
  readonly series: Map<string, { samples: Array<{ unixNs: bigint; powerW: number }>; gaps: Array<{ unixNs: bigint; reason: string }> }>;
}

export function offsetNsOf(estimate: ClockOffsetEstimate | undefined): number {
  return estimate?.offsetNs ?? 0;
}

/** An agent-clock stamp on the controller clock. */
function toControllerNs(agentUnixNs: bigint, clockOffsetNs: number): bigint {
  return agentUnixNs - BigInt(Math.round(clockOffsetNs));
}

function totalsOf(report: IperfReport | undefined, protocol: "udp" | "tcp"): SessionTotals | null {
  const received = report?.received;
  if (received === undefined) return null;
  return { bytes: received.bytes, packets: protocol === "udp" ? received.packets : null, lostPackets: protocol === "udp" ? received.lostPackets : null };
}

export class FailoverRecorder {
  private readonly events: Array<{ events: RawEvent[]; clockOffsetNs: number }> = [];
  private readonly sessions: SessionRecord[] = [];
  private readonly power = new Map<string, PowerRecord>();
  private readonly warnings: string[] = [];

  /** A timeline event; `unixNs` on the clock of the one with `clockOffsetNs` (0: the controller). */
  event(name: string, phase: EventPhase, unixNs: bigint, host: string | null, detail: string | null, clockOffsetNs = 0): void {
    this.events.push({ events: [{ name, phase, unixNs, host, detail }], clockOffsetNs });
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  addSession(id: string, protocol: "udp" | "tcp"): void {
    this.sessions.push({ id, protocol, server: null, client: null, totals: null });
  }

  /** Collects the stream's intervals into the session's server or client side. */
  attachIperf(sessionId: string, role: "server" | "client", stream: AgentStream): void {
    const session = this.requireSession(sessionId);
    const clockOffsetNs = offsetNsOf(stream.identity.clockOffset);
    const side: Side = { intervals: [], clockOffsetNs, fallbackAnchorUnixNs: toControllerNs(stream.startedUnixNs, clockOffsetNs) };
    session[role] = side;
    stream.on((event) => {
      if (event.type === "iperf") side.intervals.push(event.interval);
    });
  }

  /** The end report of a session's stream: totals (the receiver's line) and problems as warnings. */
  endIperf(sessionId: string, role: "server" | "client", ended: StreamEnded): void {
    const session = this.requireSession(sessionId);
    const totals = totalsOf(ended.iperf, session.protocol);
    if (totals !== null && (session.totals === null || role === "server")) session.totals = totals;
    for (const warning of ended.iperf?.warnings ?? []) this.warn(`session ${sessionId} ${role}: ${warning}`);
    if (ended.reason === "failed") this.warn(`session ${sessionId} ${role}: iperf3 failed: ${ended.failure?.code ?? ""} ${ended.failure?.message ?? ended.iperf?.error ?? ""}`.trim());
  }

  /** Collects a meter's readings (device `<agent>/<meter>`, or `<agent>/<meter>.<channel>`) and gaps. */
  attachPower(agentId: string, meter: string, stream: AgentStream): void {
    const record: PowerRecord = { clockOffsetNs: offsetNsOf(stream.identity.clockOffset), series: new Map() };
    this.power.set(`${agentId}/${meter}`, record);
    const seriesOf = (channel: string) => {
      const device = channel === meter || channel === "" ? `${agentId}/${meter}` : `${agentId}/${meter}.${channel}`;
      const series = record.series.get(device) ?? { samples: [], gaps: [] };
      record.series.set(device, series);
      return series;
    };
    stream.on((event) => {
      if (event.type !== "power") return;
      for (const sample of event.batch.samples) seriesOf(sample.channel).samples.push({ unixNs: sample.atUnixNs, powerW: sample.powerW });
      for (const gap of event.batch.gaps) {
        const reason = `${gap.code}: ${gap.message} (${gap.failedReads} reads)`;
        const series = seriesOf(meter);
        series.gaps.push({ unixNs: gap.fromUnixNs, reason });
        if (gap.toUnixNs > gap.fromUnixNs) series.gaps.push({ unixNs: gap.toUnixNs, reason });
      }
    });
  }

  captures(): LiveRunCaptures {
    const sessions: LiveSession[] = this.sessions.map((session) => ({ ...session }));
    const power = [...this.power.values()].map((record) => ({
      clockOffsetNs: record.clockOffsetNs,
      series: [...record.series.entries()].map(([device, series]): RawPowerSeries => ({ device, samples: series.samples, gaps: series.gaps })),
    }));
    return { events: this.events, sessions, power, warnings: [...this.warnings] };
  }

  private requireSession(id: string): SessionRecord {
    const session = this.sessions.find((candidate) => candidate.id === id);
    if (session === undefined) throw new RangeError(`FailoverRecorder: no session ${id}`);
    return session;
  }
}
