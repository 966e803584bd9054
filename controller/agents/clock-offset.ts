/**
 * NTP-style clock-offset estimation from Ping/Pong timestamps. For one exchange, t1 (controller
 * sends) and t4 (controller receives) are on the controller's clock, t2 (agent receives) and t3
 * (agent replies) on the agent's:
 *   offset = ((t2 - t1) + (t3 - t4)) / 2     (agent clock minus controller clock)
 *   delay  = (t4 - t1) - (t3 - t2)           (network round trip without the agent's own time)
 * The sample with the smallest delay bounds the error best (|error| <= delay / 2), so it wins.
 */

export interface ClockSample {
  readonly t1UnixNs: bigint;
  readonly t2UnixNs: bigint;
  readonly t3UnixNs: bigint;
  readonly t4UnixNs: bigint;
}

export interface ClockOffsetEstimate {
  /** Agent clock minus controller clock; add it to a controller time to get agent time. */
  readonly offsetNs: number;
  /** Round-trip delay of the chosen sample. */
  readonly roundTripNs: number;
  /** Bound on the offset's error: half the chosen round trip. */
  readonly uncertaintyNs: number;
  readonly sampleCount: number;
}

export function sampleOffsetNs(sample: ClockSample): { offsetNs: number; roundTripNs: number } {
  const { t1UnixNs: t1, t2UnixNs: t2, t3UnixNs: t3, t4UnixNs: t4 } = sample;
  return {
    offsetNs: Number((t2 - t1 + (t3 - t4)) / 2n),
    roundTripNs: Number(t4 - t1 - (t3 - t2)),
  };
}

/** The min-round-trip estimate over `samples`; RangeError when there are none. */
export function estimateClockOffset(samples: readonly ClockSample[]): ClockOffsetEstimate {
  let best: { offsetNs: number; roundTripNs: number } | undefined;
  for (const sample of samples) {
    const candidate = sampleOffsetNs(sample);
    if (best === undefined || candidate.roundTripNs < best.roundTripNs) best = candidate;
  }
  if (best === undefined) throw new RangeError("estimateClockOffset needs at least one ping sample");
  const roundTripNs = Math.max(0, best.roundTripNs);
  return Object.freeze({ offsetNs: best.offsetNs, roundTripNs, uncertaintyNs: roundTripNs / 2, sampleCount: samples.length });
}

/** An agent-clock timestamp (a sample's atUnixNs) on the controller's clock; unchanged without an estimate. */
export function agentToControllerNs(agentUnixNs: bigint, estimate: ClockOffsetEstimate | undefined): bigint {
  return estimate === undefined ? agentUnixNs : agentUnixNs - BigInt(Math.round(estimate.offsetNs));
}
