/**
 * iperf3 JSON records (an `intervals[]` element, an `end.sum_*` total) as IperfIntervalData.
 * The interval's `sum` carries the totals; the TCP sender's RTT is only on its streams (µs), so the
 * mean over streams is taken from there.
 */
import type { IperfIntervalData, IperfTotals } from "./iperf-data.js";

type Json = Record<string, unknown>;

export function asObject(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function num(record: Json, key: string): number {
  const value = record[key];
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function count(record: Json, key: string): number {
  return Math.max(0, Math.round(num(record, key)));
}

export function recordData(record: Json, senderFallback: boolean, rttMs = 0): IperfIntervalData {
  return Object.freeze({
    startS: num(record, "start"),
    endS: num(record, "end"),
    bytes: count(record, "bytes"),
    rateBps: num(record, "bits_per_second"),
    packets: count(record, "packets"),
    lostPackets: count(record, "lost_packets"),
    jitterMs: num(record, "jitter_ms"),
    retransmits: count(record, "retransmits"),
    omitted: record["omitted"] === true,
    sender: typeof record["sender"] === "boolean" ? record["sender"] : senderFallback,
    rttMs,
  });
}

function meanRttMs(streams: unknown): number {
  if (!Array.isArray(streams)) return 0;
  const rtts = streams.map((stream) => asObject(stream)?.["rtt"]).filter((rtt): rtt is number => typeof rtt === "number" && rtt > 0);
  return rtts.length === 0 ? 0 : rtts.reduce((sum, rtt) => sum + rtt, 0) / rtts.length / 1000;
}

/** One `intervals[]` element; undefined when it has no sum or stream record. */
export function intervalData(interval: unknown): IperfIntervalData | undefined {
  const record = asObject(interval);
  if (record === undefined) return undefined;
  const streams = record["streams"];
  const sum = asObject(record["sum"]) ?? (Array.isArray(streams) ? asObject(streams[0]) : undefined);
  return sum === undefined ? undefined : recordData(sum, false, meanRttMs(streams));
}

/** `end.sum_sent` / `end.sum_received` (sender flags there are unreliable, so they are set by key). */
export function endTotals(end: unknown): IperfTotals {
  const record = asObject(end) ?? {};
  const sent = asObject(record["sum_sent"]);
  const received = asObject(record["sum_received"]);
  return Object.freeze({
    sent: sent === undefined ? undefined : Object.freeze({ ...recordData(sent, true), sender: true }),
    received: received === undefined ? undefined : Object.freeze({ ...recordData(received, false), sender: false }),
  });
}
