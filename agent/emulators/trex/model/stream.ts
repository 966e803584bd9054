/**
 * One STL stream as the emulator keeps it after add_stream, and TRex's rate arithmetic for it
 * (trex_stl_streams_compiler.h): the packet template excludes the 4-byte FCS, L2 bps counts
 * length + 4, L1 bps adds the 20 bytes of preamble and inter-frame gap.
 */

export type StreamRateType = "pps" | "bps_L1" | "bps_L2" | "percentage";

export type StreamMode =
  | { readonly type: "continuous" }
  | { readonly type: "single_burst"; readonly totalPackets: number }
  | { readonly type: "multi_burst"; readonly packetsPerBurst: number; readonly burstCount: number; readonly ibgUsec: number };

export interface FlowStatsSpec {
  readonly enabled: boolean;
  readonly pgId?: number;
  readonly ruleType?: string;
}

export interface StreamSpec {
  readonly streamId: number;
  readonly enabled: boolean;
  readonly selfStart: boolean;
  readonly flags: number;
  readonly isgUsec: number;
  readonly nextStreamId: number;
  readonly mode: StreamMode;
  readonly rate: { readonly type: StreamRateType; readonly value: number };
  /** Template length in bytes after TRex's zero-padding to 60 (FCS excluded). */
  readonly packetBytes: number;
  readonly flowStats: FlowStatsSpec;
  /** The `stream` object as received, returned by get_stream / get_all_streams. */
  readonly json: Record<string, unknown>;
}

/** Bandwidth of a stream or a set of streams: the three figures TRex keeps (BW in the compiler). */
export interface Bandwidth {
  readonly pps: number;
  readonly bpsL1: number;
  readonly bpsL2: number;
}

export const zeroBandwidth: Bandwidth = Object.freeze({ pps: 0, bpsL1: 0, bpsL2: 0 });

export function l2BitsPerPacket(packetBytes: number): number {
  return (packetBytes + 4) * 8;
}

export function l1BitsPerPacket(packetBytes: number): number {
  return (packetBytes + 4 + 20) * 8;
}

/** The stream's own rate in packets per second, before any multiplier. */
export function baseRatePps(stream: StreamSpec, portSpeedBps: number): number {
  const { type, value } = stream.rate;
  switch (type) {
    case "pps":
      return value;
    case "bps_L2":
      return value / l2BitsPerPacket(stream.packetBytes);
    case "bps_L1":
      return value / l1BitsPerPacket(stream.packetBytes);
    case "percentage":
      return ((value / 100) * portSpeedBps) / l1BitsPerPacket(stream.packetBytes);
  }
}

export function bandwidthOf(stream: StreamSpec, portSpeedBps: number): Bandwidth {
  const pps = baseRatePps(stream, portSpeedBps);
  return { pps, bpsL1: pps * l1BitsPerPacket(stream.packetBytes), bpsL2: pps * l2BitsPerPacket(stream.packetBytes) };
}

export function addBandwidth(a: Bandwidth, b: Bandwidth): Bandwidth {
  return { pps: a.pps + b.pps, bpsL1: a.bpsL1 + b.bpsL1, bpsL2: a.bpsL2 + b.bpsL2 };
}

/** Latency streams keep their rate whatever the multiplier (TRex's "fixed" bandwidth). */
export function isFixedRate(stream: StreamSpec): boolean {
  return stream.flowStats.enabled && stream.flowStats.ruleType === "latency";
}

/** A stream that transmits: enabled, and not a "dummy" stream (flags bit 3). */
export function transmits(stream: StreamSpec): boolean {
  return stream.enabled && (stream.flags & 8) === 0;
}

/** Packets a stream sends before it ends by itself; Infinity for continuous streams. */
export function packetBudget(mode: StreamMode): number {
  switch (mode.type) {
    case "continuous":
      return Number.POSITIVE_INFINITY;
    case "single_burst":
      return mode.totalPackets;
    case "multi_burst":
      return mode.packetsPerBurst * mode.burstCount;
  }
}
