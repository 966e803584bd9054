/**
 * An iperf3 -J object (client or server, TCP or UDP, 3.12 and later) reduced to what the failover
 * analysis uses. Interval numbers come from `intervals[].sum` (all parallel streams together);
 * RTT, which only the per-stream records carry, is the mean over the streams that report it.
 * An `error` key is kept (iperf3 3.12 exits 0 with it), never thrown: the caller decides.
 */
import { inputError } from "./errors.js";
import type { IperfProtocol, SessionTotals } from "./model.js";

/** One interval relative to the session's own start, as iperf3 reports it. */
export interface RelativeInterval {
  readonly startS: number;
  readonly endS: number;
  readonly bytes: number;
  readonly packets: number | null;
  readonly lostPackets: number | null;
  readonly jitterMs: number | null;
  readonly rttUs: number | null;
  readonly retransmits: number | null;
  readonly omitted: boolean;
  /** True when the sending end reported it. */
  readonly sender: boolean;
}

export interface IperfJsonResult {
  readonly role: "client" | "server" | "unknown";
  readonly protocol: IperfProtocol;
  /** `start.timestamp.timesecs`: 1 s resolution, taken when the control connection was set up. */
  readonly startUnixS: number | null;
  readonly blockBytes: number | null;
  readonly intervals: readonly RelativeInterval[];
  readonly totals: SessionTotals | null;
  readonly error: string | null;
  /** --get-server-output with a -J server. */
  readonly serverOutputJson: Record<string, unknown> | null;
  /** --get-server-output with a text-mode server. */
  readonly serverOutputText: string | null;
}

type Json = Record<string, unknown>;

function objectAt(value: unknown): Json | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

function numberAt(record: Json | null, key: string): number | null {
  const value = record?.[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function protocolOf(start: Json | null, source: string): IperfProtocol {
  const protocol = objectAt(start?.["test_start"])?.["protocol"];
  if (protocol === "UDP") return "udp";
  if (protocol === "TCP" || protocol === undefined) return "tcp";
  throw inputError({ source }, "start.test_start.protocol is neither TCP nor UDP (SCTP is not analysed)", String(protocol));
}

function meanRttUs(streams: unknown): number | null {
  if (!Array.isArray(streams)) return null;
  const rtts = streams.map((stream) => numberAt(objectAt(stream), "rtt")).filter((rtt): rtt is number => rtt !== null);
  return rtts.length === 0 ? null : rtts.reduce((sum, rtt) => sum + rtt, 0) / rtts.length;
}

function intervalOf(raw: unknown, index: number, source: string): RelativeInterval {
  const interval = objectAt(raw);
  const sum = objectAt(interval?.["sum"]) ?? objectAt(Array.isArray(interval?.["streams"]) ? (interval["streams"] as unknown[])[0] : null);
  const startS = numberAt(sum, "start");
  const endS = numberAt(sum, "end");
  const bytes = numberAt(sum, "bytes");
  if (sum === null || startS === null || endS === null || bytes === null || endS < startS) {
    throw inputError({ source }, `intervals[${index}] has no sum with numeric start <= end and bytes`);
  }
  return {
    startS,
    endS,
    bytes,
    packets: numberAt(sum, "packets"),
    lostPackets: numberAt(sum, "lost_packets"),
    jitterMs: numberAt(sum, "jitter_ms"),
    rttUs: meanRttUs(interval?.["streams"]),
    retransmits: numberAt(sum, "retransmits"),
    omitted: sum["omitted"] === true,
    sender: sum["sender"] === true,
  };
}

function totalsOf(end: Json | null, protocol: IperfProtocol): SessionTotals | null {
  const received = objectAt(end?.["sum_received"]) ?? (protocol === "udp" ? objectAt(end?.["sum"]) : null);
  const bytes = numberAt(received, "bytes");
  if (bytes === null) return null;
  return { bytes, packets: protocol === "udp" ? numberAt(received, "packets") : null, lostPackets: protocol === "udp" ? numberAt(received, "lost_packets") : null };
}

/** Reads one -J object; `source` names the file for error messages. */
export function iperfJsonResult(object: Json, source: string): IperfJsonResult {
  const start = objectAt(object["start"]);
  const protocol = protocolOf(start, source);
  const rawIntervals = object["intervals"] ?? [];
  if (!Array.isArray(rawIntervals)) throw inputError({ source }, "intervals is not a list");
  const error = object["error"];
  const serverText = object["server_output_text"];
  return {
    role: start?.["connecting_to"] !== undefined ? "client" : start?.["accepted_connection"] !== undefined ? "server" : "unknown",
    protocol,
    startUnixS: numberAt(objectAt(start?.["timestamp"]), "timesecs"),
    blockBytes: numberAt(objectAt(start?.["test_start"]), "blksize"),
    intervals: rawIntervals.map((interval, index) => intervalOf(interval, index, source)),
    totals: totalsOf(objectAt(object["end"]), protocol),
    error: typeof error === "string" ? error : error === undefined || error === null ? null : JSON.stringify(error),
    serverOutputJson: objectAt(object["server_output_json"]),
    serverOutputText: typeof serverText === "string" ? serverText : null,
  };
}
