/**
 * A failover run on one time axis from its captures. Every source carries its clock offset (its
 * clock minus the controller's, as the agents' ping/pong estimation gives it); each stamp is moved
 * to the controller clock, then made relative to the origin event (by default `iperf_client`, the
 * moment the clients were started, as the lab's notebook did).
 */
import { eventMissingError } from "./errors.js";
import type { RawEvent } from "./event-log.js";
import type { FailoverRun, PowerStream, RunEvent } from "./model.js";
import type { RawPowerSeries } from "./power-files.js";
import { assembleSession, type SessionCaptures } from "./session-assembly.js";
import { toRunNs } from "./unix-time.js";

export interface EventCapture {
  readonly events: readonly RawEvent[];
  readonly clockOffsetNs: number;
}

export interface PowerCapture {
  readonly series: readonly RawPowerSeries[];
  readonly clockOffsetNs: number;
}

export interface RunCaptures {
  readonly events: readonly EventCapture[];
  readonly sessions: readonly SessionCaptures[];
  readonly power: readonly PowerCapture[];
  readonly warnings?: readonly string[];
}

export const DEFAULT_ORIGIN_EVENT = "iperf_client";

function originOf(captures: RunCaptures, originEvent: string): bigint {
  const candidates = captures.events.flatMap(({ events, clockOffsetNs }) =>
    events.filter((event) => event.name === originEvent && event.phase === "start").map((event) => event.unixNs - BigInt(Math.round(clockOffsetNs))),
  );
  if (candidates.length === 0) throw eventMissingError(originEvent, captures.events.flatMap(({ events }) => events.map((event) => event.name)), "originEvent");
  return candidates.reduce((earliest, candidate) => (candidate < earliest ? candidate : earliest));
}

function powerStreams(captures: readonly PowerCapture[], originUnixNs: bigint): PowerStream[] {
  const byDevice = new Map<string, { samples: PowerStream["samples"][number][]; gaps: PowerStream["gaps"][number][] }>();
  for (const { series, clockOffsetNs } of captures) {
    for (const { device, samples, gaps } of series) {
      const stream = byDevice.get(device) ?? { samples: [], gaps: [] };
      byDevice.set(device, stream);
      stream.samples.push(...samples.map((sample) => ({ atNs: toRunNs(sample.unixNs, clockOffsetNs, originUnixNs), powerW: sample.powerW })));
      stream.gaps.push(...gaps.map((gap) => ({ atNs: toRunNs(gap.unixNs, clockOffsetNs, originUnixNs), reason: gap.reason })));
    }
  }
  return [...byDevice.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([device, stream]) => ({ device, samples: stream.samples.sort((a, b) => a.atNs - b.atNs), gaps: stream.gaps.sort((a, b) => a.atNs - b.atNs) }));
}

/** Puts every capture on the run axis; throws FAILOVER_EVENT_MISSING without the origin event. */
export function assembleRun(captures: RunCaptures, originEvent = DEFAULT_ORIGIN_EVENT): FailoverRun {
  const originUnixNs = originOf(captures, originEvent);
  const events: RunEvent[] = captures.events
    .flatMap(({ events: raw, clockOffsetNs }) =>
      raw.map((event) => ({ name: event.name, phase: event.phase, atNs: toRunNs(event.unixNs, clockOffsetNs, originUnixNs), host: event.host, detail: event.detail })),
    )
    .sort((a, b) => a.atNs - b.atNs);
  const sessions = captures.sessions.map((session) => assembleSession(session, { originUnixNs, fallbackAnchorUnixNs: originUnixNs }));
  return {
    originUnixNs,
    originEvent,
    sessions,
    events,
    power: powerStreams(captures.power, originUnixNs),
    warnings: [...(captures.warnings ?? []), ...sessions.flatMap((session) => session.warnings)],
  };
}
