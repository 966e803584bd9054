import type { Clock } from "../clock.js";

/** Unix-epoch nanoseconds now. */
export type WallClockNs = () => bigint;

function msToNs(ms: number): bigint {
  const wholeMs = Math.floor(ms);
  return BigInt(wholeMs) * 1_000_000n + BigInt(Math.round((ms - wholeMs) * 1e6));
}

/**
 * Wall time with the monotonic clock's resolution: one wall reading anchors the monotonic scale,
 * so timestamps taken later are as fine as Clock.monotonicS (the anchor itself is as exact as
 * Clock.wallMs: 1 ms with the system clock). Used for Ping/Pong and stream timestamps.
 */
export function createWallClockNs(clock: Clock): WallClockNs {
  const anchorNs = msToNs(clock.wallMs()) - BigInt(Math.round(clock.monotonicS() * 1e9));
  return () => anchorNs + BigInt(Math.round(clock.monotonicS() * 1e9));
}
