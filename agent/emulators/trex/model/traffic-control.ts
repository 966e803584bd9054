import { TrexEvent } from "./async-events.js";
import type { EmulatedPort } from "./emulated-port.js";
import type { EmulatedTrex } from "./emulated-trex.js";
import { effectiveFactor, streamsGraph, TrafficConfigError, type MultiplierType } from "./multiplier.js";
import type { StlProfile } from "./stl-profile.js";
import { baseRatePps, isFixedRate, packetBudget, transmits } from "./stream.js";
import { TrafficRun, type RunStream } from "./traffic-run.js";

/**
 * start_traffic / stop_traffic on a profile (TrexStatelessProfile::start_traffic / stop_traffic):
 * state checks, the multiplier, then a TrafficRun whose packets pass through the simulated device.
 */

export interface StartRequest {
  readonly multiplierType: MultiplierType;
  readonly multiplierValue: number;
  readonly durationS: number;
  readonly force: boolean;
  readonly startAtTs: number;
}

function runStreams(profile: StlProfile, port: EmulatedPort, factor: number): RunStream[] {
  const out: RunStream[] = [];
  for (const stream of profile.streams.values()) {
    // Streams that are not self-starting only run when another stream chains to them; not modelled.
    if (!transmits(stream) || !stream.selfStart) continue;
    const ratePps = baseRatePps(stream, port.speedBps) * (isFixedRate(stream) ? 1 : factor);
    out.push({ ratePps, wireBytes: stream.packetBytes + 4, isgS: stream.isgUsec / 1e6, budgetPackets: packetBudget(stream.mode) });
  }
  return out;
}

function forwardRatio(trex: EmulatedTrex, offeredPps: number, durationS: number): number {
  if (!(offeredPps > 0)) return 1;
  const { offeredCount, lostCount } = trex.config.device.trial(offeredPps, durationS > 0 ? durationS : 1);
  return offeredCount > 0 ? (offeredCount - lostCount) / offeredCount : 1;
}

/** Start a profile; returns the effective multiplier and the server time of the start. */
export function startTraffic(trex: EmulatedTrex, port: EmulatedPort, profileId: string, request: StartRequest): { multiplier: number; ts: number } {
  const now = trex.nowS();
  const profile = port.requireProfile(profileId);
  profile.verifyState(["STREAMS"], "start");
  if (!request.force && !port.linkUp) throw new TrafficConfigError("Link state is DOWN.");
  const graph = streamsGraph(profile.streams.values(), port.speedBps);
  const factor = effectiveFactor(request.multiplierType, request.multiplierValue, graph, port.speedBps, request.force);
  if (request.startAtTs !== 0 && request.startAtTs < now + 0.1) {
    throw new TrafficConfigError("start_at_ts, if defined, should be at least 100ms from now_sec()");
  }
  const streams = runStreams(profile, port, factor);
  const requestedPps = streams.reduce((sum, s) => sum + s.ratePps, 0);
  const speedFactor = requestedPps > trex.config.maxTxPps ? trex.config.maxTxPps / requestedPps : 1;
  const run = new TrafficRun({
    txPort: port.portId,
    rxPort: trex.peerOf(port.portId),
    streams,
    startS: (request.startAtTs !== 0 ? request.startAtTs : now) + trex.config.startupDelayS,
    durationS: request.durationS,
    speedFactor,
    forwardRatio: forwardRatio(trex, requestedPps * speedFactor, request.durationS),
    latencyS: trex.config.deviceLatencyS,
  });
  trex.ledger.add(run);
  profile.run = run;
  profile.factor = factor;
  profile.state = "TX";
  trex.events.publish(TrexEvent.profileStarted, { port_id: port.portId, profile_id: profileId });
  port.updateAndPublishState(trex.events);
  return { multiplier: factor, ts: now };
}

function stopProfile(trex: EmulatedTrex, port: EmulatedPort, profile: StlProfile): void {
  if (!profile.isActive) return;
  profile.run?.stop(trex.nowS());
  profile.state = "STREAMS";
  trex.events.publish(TrexEvent.profileStopped, { port_id: port.portId, profile_id: profile.profileId });
}

/** Stop one profile or, with "*", all; stopping an idle profile is a successful no-op. */
export function stopTraffic(trex: EmulatedTrex, port: EmulatedPort, profileId: string): void {
  if (profileId === "*") {
    for (const profile of port.profiles.values()) stopProfile(trex, port, profile);
  } else {
    stopProfile(trex, port, port.requireProfile(profileId));
  }
  port.updateAndPublishState(trex.events);
}
