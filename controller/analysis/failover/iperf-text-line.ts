/**
 * One line of iperf3's text output (3.12 formats, `iperf_locale.c`), classified. Interval lines:
 *   UDP receiver  [  5]   0.10-0.20   sec   236 KBytes  19.3 Mbits/sec  0.487 ms  319/520 (61%)
 *   UDP sender    [  5]   0.00-0.50   sec  2.98 MBytes  49.9 Mbits/sec  2600
 *   TCP sender    [  5]   0.00-0.10   sec  2.50 MBytes   210 Mbits/sec    0   1.23 MBytes
 *   TCP receiver  [  5]   0.00-0.10   sec   190 MBytes  15.9 Gbits/sec
 * A trailing `sender`/`receiver` marks a summary line, `(omitted)` a -O warm-up interval.
 * Byte units are powers of 1024, bit units powers of 1000. Text numbers are rounded to about
 * three digits: JSON is better where there is a choice.
 */

export type TextLine =
  | { readonly kind: "interval"; readonly interval: TextInterval }
  | { readonly kind: "summary"; readonly interval: TextInterval }
  | { readonly kind: "accepted" }
  | { readonly kind: "listening" }
  | { readonly kind: "separator" }
  | { readonly kind: "error"; readonly message: string }
  | { readonly kind: "other" }
  | { readonly kind: "garbled" };

export interface TextInterval {
  readonly streamId: string;
  readonly startS: number;
  readonly endS: number;
  readonly bytes: number;
  readonly bitsPerSecond: number;
  readonly jitterMs: number | null;
  readonly lostPackets: number | null;
  /** UDP receiver: lost + received; UDP sender: sent. */
  readonly packets: number | null;
  readonly retransmits: number | null;
  readonly omitted: boolean;
}

const BYTE_FACTORS: Readonly<Record<string, number>> = { "": 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };
const BIT_FACTORS: Readonly<Record<string, number>> = { "": 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };

const HEAD = /^\[\s*(\d+|SUM)\]\s+([\d.]+)-([\d.]+)\s+sec\s+([\d.]+)\s+([KMGT]?)Bytes\s+([\d.]+)\s+([KMGT]?)bits\/sec\s*(.*)$/;
const UDP_RECEIVER = /^([\d.]+)\s+ms\s+(\d+)\/(\d+)\s+\((?:[\d.e+-]+|-?nan)%\)\s*(.*)$/;
const TCP_SENDER = /^(\d+)\s+([\d.]+)\s+[KMGT]?Bytes\s*(.*)$/;
const COUNT = /^(\d+)\s*(.*)$/;
const TAIL = /^(?:(sender|receiver))?\s*(\(omitted\))?\s*$/;

function detail(rest: string): { jitterMs: number | null; lostPackets: number | null; packets: number | null; retransmits: number | null; tail: string } {
  const udp = UDP_RECEIVER.exec(rest);
  if (udp !== null) return { jitterMs: Number(udp[1]), lostPackets: Number(udp[2]), packets: Number(udp[3]), retransmits: null, tail: udp[4] ?? "" };
  const tcp = TCP_SENDER.exec(rest);
  if (tcp !== null) return { jitterMs: null, lostPackets: null, packets: null, retransmits: Number(tcp[1]), tail: tcp[3] ?? "" };
  const count = COUNT.exec(rest);
  if (count !== null) return { jitterMs: null, lostPackets: null, packets: Number(count[1]), retransmits: null, tail: count[2] ?? "" };
  return { jitterMs: null, lostPackets: null, packets: null, retransmits: null, tail: rest };
}

function intervalLine(text: string): TextLine {
  const head = HEAD.exec(text);
  if (head === null) return { kind: "garbled" };
  const [, streamId = "", start = "", end = "", amount = "", bytePrefix = "", rate = "", bitPrefix = "", rest = ""] = head;
  const parts = detail(rest);
  const tail = TAIL.exec(parts.tail);
  if (tail === null) return { kind: "garbled" };
  const interval: TextInterval = {
    streamId,
    startS: Number(start),
    endS: Number(end),
    bytes: Number(amount) * (BYTE_FACTORS[bytePrefix] ?? 1),
    bitsPerSecond: Number(rate) * (BIT_FACTORS[bitPrefix] ?? 1),
    jitterMs: parts.jitterMs,
    lostPackets: parts.lostPackets,
    packets: parts.packets,
    retransmits: parts.retransmits,
    omitted: tail[2] !== undefined,
  };
  if (!(interval.endS >= interval.startS)) return { kind: "garbled" };
  return { kind: tail[1] === undefined ? "interval" : "summary", interval };
}

/** Classifies one line (its wall-clock prefix already removed). */
export function classifyTextLine(text: string): TextLine {
  const line = text.trim();
  if (line.startsWith("[ ID]") || line === "") return { kind: "other" };
  if (line.startsWith("[")) return /^\[\s*(\d+|SUM)\]\s+local /.test(line) ? { kind: "other" } : intervalLine(line);
  if (line.startsWith("Accepted connection from")) return { kind: "accepted" };
  if (line.startsWith("Server listening on")) return { kind: "listening" };
  if (/^(- )+-$/.test(line)) return { kind: "separator" };
  const error = /^iperf3: error - (.*)$/.exec(line);
  if (error !== null) return { kind: "error", message: error[1] ?? "" };
  return { kind: "other" };
}
