/**
 * One failover run on ONE time axis. Every time is in nanoseconds relative to the run's origin
 * (`originUnixNs` on the controller clock, by default the moment the iperf3 clients were started),
 * after each source's clock offset has been applied. Numbers, not bigints: a run axis in ns stays
 * exact (a safe integer) for 104 days.
 */

export type IperfProtocol = "udp" | "tcp";

/** One iperf3 reporting interval of one session, placed on the run axis. */
export interface SessionInterval {
  readonly startNs: number;
  readonly endNs: number;
  readonly bytes: number;
  /** UDP receiver: datagrams expected (lost + received); UDP sender: datagrams sent; TCP: null. */
  readonly packets: number | null;
  /** UDP receiver only: datagrams iperf3 counted lost in this interval (sequence gaps). */
  readonly lostPackets: number | null;
  readonly jitterMs: number | null;
  /** TCP sender only: smoothed RTT (Linux tcp_info), microseconds. */
  readonly rttUs: number | null;
  /** TCP sender only: segments retransmitted in this interval. */
  readonly retransmits: number | null;
  /** Inside iperf3's -O warm-up: not used by the analysis. */
  readonly omitted: boolean;
}

export interface IperfSession {
  readonly id: string;
  readonly protocol: IperfProtocol;
  /** What the receiving end reported (UDP loss and jitter, goodput). */
  readonly received: readonly SessionInterval[];
  /** What the sending end reported (UDP datagrams sent, TCP RTT and retransmits). */
  readonly sent: readonly SessionInterval[];
  /** Final receiver totals when known (iperf3 `end.sum_received`): the most reliable loss count. */
  readonly totals: SessionTotals | null;
  /** Things a person should know about this session's inputs (a stray line, an `error` key). */
  readonly warnings: readonly string[];
}

export interface SessionTotals {
  readonly packets: number | null;
  readonly lostPackets: number | null;
  readonly bytes: number;
}

export type EventPhase = "start" | "stop";

/** A named moment of the timeline: t0 start, the trigger (start and end), t2 stop... */
export interface RunEvent {
  readonly name: string;
  readonly phase: EventPhase;
  readonly atNs: number;
  readonly host: string | null;
  readonly detail: string | null;
}

export interface PowerSample {
  readonly atNs: number;
  readonly powerW: number;
}

/** A reading that failed (timeout, garbage, implausible value): the trace has a hole there. */
export interface PowerGap {
  readonly atNs: number;
  readonly reason: string;
}

export interface PowerStream {
  readonly device: string;
  /** Sorted by atNs. */
  readonly samples: readonly PowerSample[];
  readonly gaps: readonly PowerGap[];
}

export interface FailoverRun {
  /** Time zero of the run axis, unix ns on the controller clock. */
  readonly originUnixNs: bigint;
  /** The event that defined the origin (e.g. "iperf_client"). */
  readonly originEvent: string;
  readonly sessions: readonly IperfSession[];
  /** Sorted by atNs. */
  readonly events: readonly RunEvent[];
  readonly power: readonly PowerStream[];
  readonly warnings: readonly string[];
}
