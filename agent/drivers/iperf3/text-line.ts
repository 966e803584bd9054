/**
 * One line of iperf3's text output (3.12 layouts, docs/iperf3.md), with any prefix before the "["
 * of a data line ignored (--timestamps, `ts`). Data lines are read by the column layout of the
 * latest header line: UDP receiver (Jitter, Lost/Total), UDP sender (Total Datagrams), TCP sender
 * (Retr, Cwnd) or TCP receiver (transfer and bitrate only).
 */
import type { IperfIntervalData } from "./iperf-data.js";
import { textBytes, textRateBps } from "./text-units.js";

export type ColumnLayout = "udp-receiver" | "udp-sender" | "tcp-sender" | "tcp-receiver";

export type TextLine =
  | { readonly type: "header"; readonly layout: ColumnLayout }
  | { readonly type: "data"; readonly stream: string; readonly data: IperfIntervalData; readonly summary: "sender" | "receiver" | undefined }
  | { readonly type: "listening" }
  | { readonly type: "accepted" }
  | { readonly type: "connecting" }
  | { readonly type: "connected" }
  | { readonly type: "server-output" }
  | { readonly type: "done" }
  | { readonly type: "error"; readonly text: string }
  | { readonly type: "warning"; readonly text: string }
  | { readonly type: "other" };

const DATA = /\[\s*(\d+|SUM)\]\s+(\d+(?:\.\d+)?)-\s*(\d+(?:\.\d+)?)\s+sec\s+(\d+(?:\.\d+)?)\s+([KMGT]?Bytes)\s+(\d+(?:\.\d+)?)\s+([KMGT]?bits\/sec)(.*)$/;
const UDP_RECEIVER_TAIL = /^\s+(\d+(?:\.\d+)?)\s+ms\s+(\d+)\/(\d+)\s+\([^)]*%\)(.*)$/;
const TCP_SENDER_TAIL = /^\s+(\d+)(?:\s+\d+(?:\.\d+)?\s+[KMGT]?Bytes)?(.*)$/;
const UDP_SENDER_TAIL = /^\s+(\d+)(.*)$/;

function layoutOf(header: string): ColumnLayout {
  if (header.includes("Jitter")) return "udp-receiver";
  if (header.includes("Total Datagrams")) return "udp-sender";
  if (header.includes("Retr")) return "tcp-sender";
  return "tcp-receiver";
}

function dataLine(match: RegExpExecArray, layout: ColumnLayout): TextLine {
  const [, stream = "", startS = "", endS = "", bytesValue = "", bytesUnit = "", rateValue = "", rateUnit = "", rest = ""] = match;
  const bytes = textBytes(bytesValue, bytesUnit);
  const rateBps = textRateBps(rateValue, rateUnit);
  if (bytes === undefined || rateBps === undefined) return { type: "other" };
  let packets = 0;
  let lostPackets = 0;
  let jitterMs = 0;
  let retransmits = 0;
  let tail = rest;
  const udpReceiver = UDP_RECEIVER_TAIL.exec(rest);
  if (udpReceiver !== null) {
    jitterMs = Number(udpReceiver[1]);
    lostPackets = Number(udpReceiver[2]);
    packets = Number(udpReceiver[3]);
    tail = udpReceiver[4] ?? "";
  } else if (layout === "tcp-sender" || layout === "udp-sender") {
    const numbers = (layout === "tcp-sender" ? TCP_SENDER_TAIL : UDP_SENDER_TAIL).exec(rest);
    if (numbers !== null) {
      if (layout === "tcp-sender") retransmits = Number(numbers[1]);
      else packets = Number(numbers[1]);
      tail = numbers[2] ?? "";
    }
  }
  const summary = /\bsender\b/.test(tail) ? "sender" : /\breceiver\b/.test(tail) ? "receiver" : undefined;
  const sender = summary === undefined ? layout === "udp-sender" || layout === "tcp-sender" : summary === "sender";
  const data: IperfIntervalData = Object.freeze({
    startS: Number(startS),
    endS: Number(endS),
    bytes,
    rateBps,
    packets,
    lostPackets,
    jitterMs,
    retransmits,
    omitted: tail.includes("(omitted)"),
    sender,
    rttMs: 0,
  });
  return { type: "data", stream, data, summary };
}

export function parseTextLine(line: string, layout: ColumnLayout): TextLine {
  if (/\[\s*ID\]\s+Interval/.test(line)) return { type: "header", layout: layoutOf(line) };
  const data = DATA.exec(line);
  if (data !== null) return dataLine(data, layout);
  if (/\blocal \S+ port \d+ connected to \S+ port \d+/.test(line)) return { type: "connected" };
  if (/Server listening on \d+/.test(line)) return { type: "listening" };
  if (/Accepted connection from /.test(line)) return { type: "accepted" };
  if (/Connecting to host /.test(line)) return { type: "connecting" };
  if (/^\s*Server (JSON )?output:\s*$/.test(line)) return { type: "server-output" };
  if (/iperf Done\./.test(line)) return { type: "done" };
  const error = /iperf3: (?:error - )?(?!exiting\s*$)(.+)$/.exec(line);
  if (error !== null) return { type: "error", text: (error[1] ?? "").trim() };
  const warning = /^\s*warning: (.+)$/.exec(line);
  if (warning !== null) return { type: "warning", text: (warning[1] ?? "").trim() };
  return { type: "other" };
}
