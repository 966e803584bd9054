import { formatCppDouble } from "./cpp-format.js";
import { addBandwidth, bandwidthOf, isFixedRate, transmits, zeroBandwidth, type Bandwidth, type StreamSpec } from "./stream.js";

/**
 * start_traffic's multiplier (TrexStatelessProfile::calculate_effective_factor): `raw` scales every
 * stream's own rate; `pps`, `bps` (L2) and `bpsl1` set the port total; `percentage` is of the L1
 * line rate. Latency streams are fixed and not scaled. Failures throw TrafficConfigError with
 * TRex's text; the command turns it into a -32000 error.
 */

export const multiplierTypes = ["raw", "bps", "bpsl1", "pps", "percentage"] as const;
export type MultiplierType = (typeof multiplierTypes)[number];

export class TrafficConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TrafficConfigError";
  }
}

export interface StreamsGraph {
  readonly variable: Bandwidth;
  readonly fixed: Bandwidth;
}

export function streamsGraph(streams: Iterable<StreamSpec>, portSpeedBps: number): StreamsGraph {
  let variable = zeroBandwidth;
  let fixed = zeroBandwidth;
  for (const stream of streams) {
    if (!transmits(stream)) continue;
    if (isFixedRate(stream)) fixed = addBandwidth(fixed, bandwidthOf(stream, portSpeedBps));
    else variable = addBandwidth(variable, bandwidthOf(stream, portSpeedBps));
  }
  return { variable, fixed };
}

function factorFor(required: number, fixed: number, variable: number, unit: string): number {
  if (required - fixed < 0) throw new TrafficConfigError(`current stream configuration enforces a minimum rate of '${formatCppDouble(fixed)}' ${unit}`);
  return (required - fixed) / variable;
}

function rawFactor(type: MultiplierType, value: number, graph: StreamsGraph, portSpeedBps: number): number {
  const { variable, fixed } = graph;
  switch (type) {
    case "raw":
      return value;
    case "bps":
      return factorFor(value, fixed.bpsL2, variable.bpsL2, "BPS L2");
    case "bpsl1":
      return factorFor(value, fixed.bpsL1, variable.bpsL1, "BPS L1");
    case "pps":
      return factorFor(value, fixed.pps, variable.pps, "pps");
    case "percentage":
      return factorFor((value / 100) * portSpeedBps, fixed.bpsL1, variable.bpsL1, "BPS L1");
  }
}

const gbps = (bps: number): string => formatCppDouble(bps / 1e9);

/** The factor TRex applies to the variable streams, with its line-rate check unless `force`. */
export function effectiveFactor(type: MultiplierType, value: number, graph: StreamsGraph, portSpeedBps: number, force: boolean): number {
  const factor = rawFactor(type, value, graph, portSpeedBps);
  const expectedL1Bps = graph.variable.bpsL1 * factor + graph.fixed.bpsL1;
  if (!(expectedL1Bps > 0)) {
    throw new TrafficConfigError(
      `Effective bandwidth is zero, this means that your dpdk driver does not know the link throughput (virtual), please use absolute bandwidth  ${formatCppDouble(expectedL1Bps)}`,
    );
  }
  if (!(factor > 0)) throw new TrafficConfigError(`Factor must be positive, got: ${formatCppDouble(factor)}`);
  if (force) return factor;
  if (expectedL1Bps / portSpeedBps > 1.0001) {
    throw new TrafficConfigError(`Expected L1 B/W: '${gbps(expectedL1Bps)} Gbps' exceeds port line rate: '${gbps(portSpeedBps)} Gbps'`);
  }
  const maxFactor = (portSpeedBps - graph.fixed.bpsL1) / graph.variable.bpsL1;
  return Math.min(maxFactor, factor);
}
