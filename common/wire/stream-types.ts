/**
 * The stream and action messages (proto/testbench/v1/streams.proto) as the rest of the code sees
 * them; re-exported by common/wire/types.ts. Timestamps are agent-clock Unix-epoch nanoseconds.
 */
import type { WireFailure } from "./types.js";

export type StreamKind = "unspecified" | "power" | "iperf" | "action";

export interface StreamStart {
  readonly streamId: string;
  readonly kind: StreamKind;
  /** A meter name, an iperf3 role ("server" | "client") or an action name, as the agent's config defines. */
  readonly source: string;
  readonly arguments: Readonly<Record<string, string>>;
}

export interface StreamStarted {
  readonly streamId: string;
  readonly startedUnixNs: bigint;
}

export interface StreamStop {
  readonly streamId: string;
}

export interface StreamStopped {
  readonly streamId: string;
  readonly samplesSent: number;
}

export interface PowerSample {
  readonly streamId: string;
  readonly atUnixNs: bigint;
  readonly channel: string;
  readonly powerW: number;
}

export interface PowerReading {
  readonly atUnixNs: bigint;
  readonly channel: string;
  readonly powerW: number;
}

export interface PowerGap {
  readonly fromUnixNs: bigint;
  readonly toUnixNs: bigint;
  readonly failedReads: number;
  readonly code: string;
  readonly message: string;
}

export interface PowerSampleBatch {
  readonly streamId: string;
  readonly samples: readonly PowerReading[];
  readonly gaps: readonly PowerGap[];
  /** Totals since the stream started. */
  readonly lateSamples: number;
  readonly droppedSamples: number;
}

/** One iperf3 reporting interval (or an end-of-test total), summed over parallel streams. */
export interface IperfIntervalData {
  /** Seconds since this side's test start. */
  readonly startS: number;
  readonly endS: number;
  readonly bytes: number;
  readonly rateBps: number;
  /** UDP: datagrams sent (sender) or lost + received (receiver); 0 for TCP. */
  readonly packets: number;
  readonly lostPackets: number;
  readonly jitterMs: number;
  readonly retransmits: number;
  readonly omitted: boolean;
  /** This side sent the data. */
  readonly sender: boolean;
  /** Mean smoothed RTT over the streams (TCP sender, JSON modes); 0 when unknown. */
  readonly rttMs: number;
}

/** An interval on the wire: the data, its stream, and when the agent read it. */
export interface IperfInterval extends IperfIntervalData {
  readonly streamId: string;
  /** When the agent read it (about the interval's end); 0n when not observed live. */
  readonly atUnixNs: bigint;
}

export type ActionPhase = "unspecified" | "started" | "finished" | "failed";

export interface ActionEvent {
  readonly streamId: string;
  readonly atUnixNs: bigint;
  readonly action: string;
  readonly phase: ActionPhase;
  /** Exit code of a command action; -1 when not applicable. */
  readonly exitCode: number;
  readonly detail: string;
}

export type StreamEndReason = "unspecified" | "done" | "stopped" | "failed";

export interface PowerTotals {
  readonly samples: number;
  readonly lateSamples: number;
  readonly droppedSamples: number;
  readonly failedReads: number;
}

export interface IperfReport {
  readonly version: string;
  readonly outputMode: string;
  /** -1 when a signal ended the process. */
  readonly exitCode: number;
  readonly signal: string;
  readonly sent: IperfInterval | undefined;
  readonly received: IperfInterval | undefined;
  readonly resultJson: string;
  readonly resultText: string;
  readonly serverOutputText: string;
  readonly serverOutputJson: string;
  readonly warnings: readonly string[];
  readonly error: string;
}

export type ActionOutcome = "unspecified" | "succeeded" | "failed" | "timed-out" | "cancelled";

export interface RunActionRequest {
  readonly runId: string;
  readonly action: string;
  readonly parameters: Readonly<Record<string, string>>;
}

export interface RunActionResult {
  readonly runId: string;
  readonly action: string;
  readonly outcome: ActionOutcome;
  readonly started: ActionEvent | undefined;
  readonly ended: ActionEvent | undefined;
  /** 0 when not an HTTP action or no response came. */
  readonly httpStatus: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputTruncated: boolean;
}

export interface StreamEnded {
  readonly streamId: string;
  readonly endedUnixNs: bigint;
  readonly reason: StreamEndReason;
  readonly failure: WireFailure | undefined;
  readonly samplesSent: number;
  readonly power: PowerTotals | undefined;
  readonly iperf: IperfReport | undefined;
  readonly action: RunActionResult | undefined;
}
