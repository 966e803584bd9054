/**
 * One iperf3 session from whatever was captured of it: the server's text (with wall-clock stamps,
 * which put the session on the time axis), the client's -J object (sender numbers: datagrams sent,
 * TCP RTT and retransmits; `end.sum_received`), a server -J object or the client's
 * --get-server-output copy. Receiver numbers are taken from the most exact source present.
 */
import { iperfJsonResult, type IperfJsonResult, type RelativeInterval } from "./iperf-json.js";
import type { TextInterval } from "./iperf-text-line.js";
import type { TextLog, TextTest } from "./iperf-text.js";
import { parseIperfText } from "./iperf-text.js";
import type { IperfProtocol, IperfSession, SessionInterval } from "./model.js";
import { anchorFromStamps } from "./session-anchor.js";

export interface JsonCapture {
  readonly result: IperfJsonResult;
  readonly source: string;
  readonly warnings: readonly string[];
}

export interface SessionCaptures {
  readonly id: string;
  /** Server text; `clockOffsetNs` is its host's clock minus the controller's. */
  readonly serverText: { readonly log: TextLog; readonly source: string; readonly clockOffsetNs: number } | null;
  readonly clientJson: JsonCapture | null;
  readonly serverJson: JsonCapture | null;
}

export interface SessionPlacement {
  readonly originUnixNs: bigint;
  /** Controller-clock time zero for a session whose lines carry no stamps (e.g. the client's dispatch). */
  readonly fallbackAnchorUnixNs: bigint;
}

function fromText(interval: TextInterval): RelativeInterval {
  const { startS, endS, bytes, packets, lostPackets, jitterMs, retransmits, omitted } = interval;
  const sender = lostPackets === null && (packets !== null || retransmits !== null);
  return { startS, endS, bytes, packets, lostPackets, jitterMs, rttUs: null, retransmits, omitted, sender };
}

function firstTest(log: TextLog, source: string, warnings: string[]): TextTest | null {
  const tests = log.tests.filter((test) => test.intervals.length > 0);
  if (tests.length > 1) warnings.push(`${source}: ${tests.length} tests in the capture; using the first`);
  for (const test of log.tests) for (const error of test.errors) warnings.push(`${source}: iperf3 reported an error: ${error}`);
  return tests[0] ?? null;
}

function jsonWarnings(capture: JsonCapture | null, warnings: string[]): void {
  if (capture === null) return;
  warnings.push(...capture.warnings);
  if (capture.result.error !== null) warnings.push(`${capture.source}: iperf3 reported an error: ${capture.result.error}`);
}

function receivers(intervals: readonly RelativeInterval[]): RelativeInterval[] {
  return intervals.filter((interval) => !interval.sender);
}

/** The most exact receiver numbers: a server -J file, the server text, the client's copy of either, the client itself (-R). */
function receivedIntervals(captures: SessionCaptures, test: TextTest | null, warnings: string[]): readonly RelativeInterval[] {
  const fromServerJson = receivers(captures.serverJson?.result.intervals ?? []);
  if (fromServerJson.length > 0) return fromServerJson;
  if (test !== null) return receivers(test.intervals.map(({ interval }) => fromText(interval)));
  const client = captures.clientJson;
  if (client === null) return [];
  const { serverOutputJson, serverOutputText } = client.result;
  if (serverOutputJson !== null) return receivers(iperfJsonResult(serverOutputJson, `${client.source} server_output_json`).intervals);
  if (serverOutputText !== null) {
    const embedded = firstTest(parseIperfText(serverOutputText, `${client.source} server_output_text`), client.source, warnings);
    return embedded === null ? [] : receivers(embedded.intervals.map(({ interval }) => fromText(interval)));
  }
  return receivers(client.result.intervals);
}

function place(intervals: readonly RelativeInterval[], anchorRunNs: number): SessionInterval[] {
  return intervals.map((interval) => ({
    startNs: anchorRunNs + Math.round(interval.startS * 1e9),
    endNs: anchorRunNs + Math.round(interval.endS * 1e9),
    bytes: interval.bytes,
    packets: interval.packets,
    lostPackets: interval.lostPackets,
    jitterMs: interval.jitterMs,
    rttUs: interval.rttUs,
    retransmits: interval.retransmits,
    omitted: interval.omitted,
  }));
}

function protocolOf(captures: SessionCaptures, received: readonly RelativeInterval[]): IperfProtocol {
  const fromJson = captures.clientJson?.result.protocol ?? captures.serverJson?.result.protocol;
  if (fromJson !== undefined) return fromJson;
  return received.some((interval) => interval.lostPackets !== null) ? "udp" : "tcp";
}

/** The session on the run axis; a session with no usable intervals is kept, with a warning. */
export function assembleSession(captures: SessionCaptures, placement: SessionPlacement): IperfSession {
  const warnings: string[] = [];
  const test = captures.serverText === null ? null : firstTest(captures.serverText.log, captures.serverText.source, warnings);
  if (captures.serverText !== null) warnings.push(...captures.serverText.log.warnings);
  jsonWarnings(captures.clientJson, warnings);
  jsonWarnings(captures.serverJson, warnings);
  const stampedAnchor = test === null ? null : anchorFromStamps(test.intervals);
  const offsetNs = BigInt(Math.round(captures.serverText?.clockOffsetNs ?? 0));
  let anchorUnixNs = placement.fallbackAnchorUnixNs;
  if (stampedAnchor !== null) anchorUnixNs = stampedAnchor - offsetNs;
  else warnings.push(`session ${captures.id}: no wall-clock stamps on its interval lines; placed at the fallback anchor (about ±0.3 s: dispatch latency)`);
  const anchorRunNs = Number(anchorUnixNs - placement.originUnixNs);
  const received = receivedIntervals(captures, test, warnings);
  const sent = captures.clientJson?.result.intervals.filter((interval) => interval.sender) ?? [];
  if (received.length === 0 && sent.length === 0) warnings.push(`session ${captures.id}: no intervals to analyse`);
  return {
    id: captures.id,
    protocol: protocolOf(captures, received),
    received: place(received, anchorRunNs),
    sent: place(sent, anchorRunNs),
    totals: captures.clientJson?.result.totals ?? captures.serverJson?.result.totals ?? null,
    warnings,
  };
}
