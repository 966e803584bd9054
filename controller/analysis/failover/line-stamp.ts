/**
 * The wall-clock prefix a capture may put before each line: moreutils `ts %.s`
 * ("1795383005.232082 "), iperf3 `--timestamps='%s '` ("1795382255 ") or the default
 * `--timestamps` ctime ("Sun Nov 22 21:17:35 2026 "). Each kind has its resolution, which the
 * session anchoring needs (iperf3's own stamps are whole seconds).
 */
import { ctimeToUnixNs, decimalSecondsToUnixNs } from "./unix-time.js";

export interface LineStamp {
  readonly unixNs: bigint;
  /** Stamps are truncated to this: 1 µs for `ts %.s`, 1 s for iperf3 --timestamps. */
  readonly resolutionNs: number;
}

export interface StampedLine {
  readonly stamp: LineStamp | null;
  /** The line without its prefix. */
  readonly rest: string;
}

const EPOCH_PREFIX = /^(\d{9,11}(?:\.(\d+))?) (.*)$/s;
const CTIME_PREFIX = /^((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d{2}:\d{2}:\d{2} \d{4}) ?(.*)$/s;

/** Splits a stamp prefix off `line`; `ctimeUtcOffsetS` is the capturing host's offset from UTC. */
export function splitLineStamp(line: string, ctimeUtcOffsetS = 0): StampedLine {
  const epoch = EPOCH_PREFIX.exec(line);
  if (epoch !== null) {
    const unixNs = decimalSecondsToUnixNs(epoch[1] ?? "");
    if (unixNs !== null) {
      const decimals = (epoch[2] ?? "").length;
      return { stamp: { unixNs, resolutionNs: 10 ** Math.max(0, 9 - Math.min(decimals, 9)) }, rest: epoch[3] ?? "" };
    }
  }
  const ctime = CTIME_PREFIX.exec(line);
  if (ctime !== null) {
    const unixNs = ctimeToUnixNs(ctime[1] ?? "", ctimeUtcOffsetS);
    if (unixNs !== null) return { stamp: { unixNs, resolutionNs: 1_000_000_000 }, rest: ctime[2] ?? "" };
  }
  return { stamp: null, rest: line };
}
