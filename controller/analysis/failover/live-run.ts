/**
 * A failover run from what the agents streamed live: iperf3 intervals stamped (agent clock) when
 * their line was read, power readings and gaps, and the controller's own timeline events. Each
 * side of a session is placed from its own stamps: a line is printed just after its interval
 * ends, so `stamp - end` bounds the session's time zero and the least-delayed line gives it (as
 * for fine `ts %.s` stamps, session-anchor.ts). Events and power reuse assembleRun.
 */
import type { RawEvent } from "./event-log.js";
import type { FailoverRun, IperfProtocol, IperfSession, SessionInterval, SessionTotals } from "./model.js";
import type { RawPowerSeries } from "./power-files.js";
import { assembleRun, DEFAULT_ORIGIN_EVENT } from "./run-assembly.js";

/** One streamed iperf3 interval (the wire's IperfInterval, structurally). */
export interface LiveInterval {
  readonly startS: number;
  readonly endS: number;
  readonly bytes: number;
  readonly packets: number;
  readonly lostPackets: number;
  readonly jitterMs: number;
  readonly retransmits: number;
  readonly rttMs: number;
  readonly omitted: boolean;
  /** Agent clock when the line was read; 0n when not observed live. */
  readonly atUnixNs: bigint;
  readonly sender: boolean;
}

/** The intervals one agent streamed for one side of a session, with that agent's clock offset. */
export interface LiveSide {
  readonly intervals: readonly LiveInterval[];
  /** That agent's clock minus the controller's. */
  readonly clockOffsetNs: number;
  /** Controller-clock time zero to use when no interval carries a stamp (the stream's start). */
  readonly fallbackAnchorUnixNs: bigint;
}

export interface LiveSession {
  readonly id: string;
  readonly protocol: IperfProtocol;
  /** The server's stream (receiver numbers for a forward test). */
  readonly server: LiveSide | null;
  /** The client's stream (sender numbers). */
  readonly client: LiveSide | null;
  readonly totals: SessionTotals | null;
}

export interface LiveRunCaptures {
  /** Timeline events; each list with the clock offset of whoever stamped it (0: the controller). */
  readonly events: ReadonlyArray<{ readonly events: readonly RawEvent[]; readonly clockOffsetNs: number }>;
  readonly sessions: readonly LiveSession[];
  readonly power: ReadonlyArray<{ readonly series: readonly RawPowerSeries[]; readonly clockOffsetNs: number }>;
  readonly warnings?: readonly string[];
}

const NS_PER_S = 1e9;

/** The side's time zero on the controller clock, and whether it came from stamps. */
export function liveAnchorUnixNs(side: LiveSide): { readonly anchorUnixNs: bigint; readonly stamped: boolean } {
  let best: bigint | null = null;
  for (const interval of side.intervals) {
    if (interval.atUnixNs === 0n) continue;
    const candidate = interval.atUnixNs - BigInt(Math.round(interval.endS * NS_PER_S));
    if (best === null || candidate < best) best = candidate;
  }
  if (best === null) return { anchorUnixNs: side.fallbackAnchorUnixNs, stamped: false };
  return { anchorUnixNs: best - BigInt(Math.round(side.clockOffsetNs)), stamped: true };
}

function nullable(value: number, present: boolean): number | null {
  return present ? value : null;
}

function placeInterval(interval: LiveInterval, anchorRunNs: number, protocol: IperfProtocol): SessionInterval {
  const udp = protocol === "udp";
  return {
    startNs: anchorRunNs + Math.round(interval.startS * NS_PER_S),
    endNs: anchorRunNs + Math.round(interval.endS * NS_PER_S),
    bytes: interval.bytes,
    packets: nullable(interval.packets, udp),
    lostPackets: nullable(interval.lostPackets, udp && !interval.sender),
    jitterMs: nullable(interval.jitterMs, udp && !interval.sender),
    rttUs: nullable(interval.rttMs * 1000, !udp && interval.sender && interval.rttMs > 0),
    retransmits: nullable(interval.retransmits, !udp && interval.sender),
    omitted: interval.omitted,
  };
}

function placeSide(side: LiveSide | null, sender: boolean, session: LiveSession, originUnixNs: bigint, warnings: string[]): SessionInterval[] {
  if (side === null) return [];
  const intervals = side.intervals.filter((interval) => interval.sender === sender);
  if (intervals.length === 0) return [];
  const { anchorUnixNs, stamped } = liveAnchorUnixNs({ ...side, intervals });
  if (!stamped) warnings.push(`session ${session.id}: ${sender ? "client" : "server"} intervals carry no live stamps; placed at the stream's start`);
  const anchorRunNs = Number(anchorUnixNs - originUnixNs);
  return intervals.map((interval) => placeInterval(interval, anchorRunNs, session.protocol)).sort((a, b) => a.startNs - b.startNs);
}

function liveSession(session: LiveSession, originUnixNs: bigint): IperfSession {
  const warnings: string[] = [];
  // A forward test: the server receives. With -R the client's stream holds the receiver's numbers.
  const received = [...placeSide(session.server, false, session, originUnixNs, warnings), ...placeSide(session.client, false, session, originUnixNs, warnings)];
  const sent = [...placeSide(session.client, true, session, originUnixNs, warnings), ...placeSide(session.server, true, session, originUnixNs, warnings)];
  if (received.length === 0 && sent.length === 0) warnings.push(`session ${session.id}: no intervals to analyse`);
  return { id: session.id, protocol: session.protocol, received, sent, totals: session.totals, warnings };
}

/** The run on one axis; throws FAILOVER_EVENT_MISSING without the origin event. */
export function assembleLiveRun(captures: LiveRunCaptures, originEvent = DEFAULT_ORIGIN_EVENT): FailoverRun {
  const base = assembleRun({ events: captures.events, sessions: [], power: captures.power, warnings: captures.warnings ?? [] }, originEvent);
  const sessions = captures.sessions.map((session) => liveSession(session, base.originUnixNs));
  return { ...base, sessions, warnings: [...base.warnings, ...sessions.flatMap((session) => session.warnings)] };
}
