/**
 * Where a session's time zero lies on the clock of the host that stamped its lines. Each interval
 * line is stamped when printed, just after the interval ends, with a stamp truncated to its
 * resolution: anchor <= stamp + resolution - end for every line (an upper bound), and
 * anchor ~ stamp - end when printing took no time (a lower bound). Fine stamps (`ts %.s`, 1 µs)
 * give the least-delayed line's value; whole-second stamps (iperf3 --timestamps) the middle of the
 * window all lines agree on, which narrows to about the interval length.
 */
import type { StampedInterval } from "./iperf-text.js";

const NS_PER_S = 1e9;

/** The session's time zero as unix ns on the stamping host's clock; null when no line is stamped. */
export function anchorFromStamps(intervals: readonly StampedInterval[]): bigint | null {
  let upper: bigint | null = null;
  let lower: bigint | null = null;
  let earliest: bigint | null = null;
  for (const { interval, stamp } of intervals) {
    if (stamp === null) continue;
    const candidate = stamp.unixNs - BigInt(Math.round(interval.endS * NS_PER_S));
    const high = candidate + BigInt(stamp.resolutionNs);
    if (upper === null || high < upper) upper = high;
    if (lower === null || candidate > lower) lower = candidate;
    if (earliest === null || candidate < earliest) earliest = candidate;
  }
  if (upper === null || lower === null || earliest === null) return null;
  // Printing delays spread fine stamps wider than their resolution: take the least-delayed line.
  return lower >= upper ? earliest : (lower + upper) / 2n;
}
