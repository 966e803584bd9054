/**
 * A stored failover run back as a FailoverRun (the rows controller/failover/store-records.ts
 * wrote: events, iperf3 intervals and power on the controller's axis) and its analysis, with the
 * options the run was analysed with. Runs without stored intervals (failed before t0) give null.
 */
import { analyzeRun, type FailoverAnalysisOptions, type FailoverRun, type IperfProtocol, type IperfSession, type PowerStream, type RunAnalysis, type RunEvent, type SessionInterval } from "../analysis/failover/index.js";
import { FAILOVER_RESULT, POWER_GAP_STREAM_PREFIX, POWER_STREAM_PREFIX, RECEIVED_STREAM_PREFIX, SENT_STREAM_PREFIX } from "../failover/store-records.js";
import type { JsonValue, Store, StoredEvent, StoredSample } from "../store/index.js";

type Json = { readonly [key: string]: JsonValue };

function record(value: JsonValue | null): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function sessionOf(sessions: Map<string, { protocol: IperfProtocol; received: SessionInterval[]; sent: SessionInterval[] }>, id: string, protocol: IperfProtocol) {
  const session = sessions.get(id) ?? { protocol, received: [], sent: [] };
  sessions.set(id, session);
  return session;
}

/** Pure: the run from its rows; times relative to `originUnixNs`. */
export function storedFailoverRun(originUnixNs: bigint, originEvent: string, events: readonly StoredEvent[], samples: readonly StoredSample[]): FailoverRun {
  const rel = (atNs: bigint) => Number(atNs - originUnixNs);
  const runEvents: RunEvent[] = events.map((event) => {
    const payload = record(event.payload);
    return { name: event.kind, phase: payload["phase"] === "stop" ? "stop" : "start", atNs: rel(event.atNs), host: event.source, detail: typeof payload["detail"] === "string" ? payload["detail"] : null };
  });
  const sessions = new Map<string, { protocol: IperfProtocol; received: SessionInterval[]; sent: SessionInterval[] }>();
  const power = new Map<string, { samples: PowerStream["samples"][number][]; gaps: PowerStream["gaps"][number][] }>();
  const powerOf = (device: string) => power.get(device) ?? power.set(device, { samples: [], gaps: [] }).get(device)!;
  for (const sample of samples) {
    const values = record(sample.values);
    const received = sample.stream.startsWith(RECEIVED_STREAM_PREFIX);
    if (received || sample.stream.startsWith(SENT_STREAM_PREFIX)) {
      const id = sample.stream.slice((received ? RECEIVED_STREAM_PREFIX : SENT_STREAM_PREFIX).length);
      const session = sessionOf(sessions, id, values["protocol"] === "tcp" ? "tcp" : "udp");
      const { protocol: _protocol, ...interval } = values;
      (received ? session.received : session.sent).push(interval as unknown as SessionInterval);
    } else if (sample.stream.startsWith(POWER_STREAM_PREFIX) && sample.value !== null) {
      powerOf(sample.stream.slice(POWER_STREAM_PREFIX.length)).samples.push({ atNs: rel(sample.atNs), powerW: sample.value });
    } else if (sample.stream.startsWith(POWER_GAP_STREAM_PREFIX)) {
      powerOf(sample.stream.slice(POWER_GAP_STREAM_PREFIX.length)).gaps.push({ atNs: rel(sample.atNs), reason: String(values["reason"] ?? "") });
    }
  }
  const iperfSessions: IperfSession[] = [...sessions.entries()].map(([id, session]) => ({ id, ...session, totals: null, warnings: [] }));
  const powerStreams: PowerStream[] = [...power.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([device, stream]) => ({ device, ...stream }));
  return { originUnixNs, originEvent, sessions: iperfSessions, events: runEvents.sort((a, b) => a.atNs - b.atNs), power: powerStreams, warnings: [] };
}

/** The stored run's analysis, or null when it has no failover result or no intervals. */
export function storedFailoverAnalysis(store: Store, runId: number): RunAnalysis | null {
  const result = store.resultsOf(runId).find((candidate) => candidate.goalName === FAILOVER_RESULT);
  const extra = record(result?.extra ?? null);
  if (typeof extra["originUnixNs"] !== "string") return null;
  const samples = store.samplesOf(runId);
  if (!samples.some((sample) => sample.stream.startsWith(RECEIVED_STREAM_PREFIX) || sample.stream.startsWith(SENT_STREAM_PREFIX))) return null;
  const run = storedFailoverRun(BigInt(extra["originUnixNs"]), "iperf_client", store.eventsOf(runId), samples);
  return analyzeRun(run, record(extra["analysisOptions"] ?? null) as unknown as Partial<FailoverAnalysisOptions>);
}
