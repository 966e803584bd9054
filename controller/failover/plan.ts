/**
 * What one failover run does (docs/failover.md): iperf3 sessions (a client agent sending to a
 * target that a server agent serves), power meters, one action (the trigger), and the timeline:
 * at t0 servers, meters and clients start; at t1S the action runs; at t2S everything stops.
 * compileFailoverPlan checks it (raw -> defaults -> validated -> frozen) before anything starts.
 */
import { planError } from "./errors.js";

export type ActionParameters = Readonly<Record<string, string | number | boolean>>;

export interface FailoverSessionPlan {
  /** Agent that runs the iperf3 client. */
  readonly client: string;
  /** Agent that runs the iperf3 server. */
  readonly server: string;
  /** Address the client sends to (the server's service address, behind the DUT). */
  readonly target: string;
  readonly port: number;
}

export interface FailoverMeterPlan {
  readonly agent: string;
  readonly meter: string;
  /** Poll interval; null: the meter's own in agent.yaml. */
  readonly intervalMs: number | null;
}

export interface FailoverActionPlan {
  readonly agent: string;
  readonly name: string;
  readonly params: ActionParameters;
}

export interface FailoverIperfPlan {
  readonly protocol: "udp" | "tcp";
  readonly bitrateBps: number | null;
  readonly lengthBytes: number | null;
  readonly intervalS: number;
}

export interface FailoverPlan {
  readonly sessions: readonly FailoverSessionPlan[];
  readonly meters: readonly FailoverMeterPlan[];
  readonly action: FailoverActionPlan;
  readonly iperf: FailoverIperfPlan;
  /** The trigger, seconds after t0. */
  readonly t1S: number;
  /** The stop, seconds after t0. */
  readonly t2S: number;
}

export type RawFailoverPlan = Omit<FailoverPlan, "sessions" | "meters" | "iperf"> & {
  readonly sessions: ReadonlyArray<Omit<FailoverSessionPlan, "port"> & { readonly port?: number }>;
  readonly meters?: ReadonlyArray<Omit<FailoverMeterPlan, "intervalMs"> & { readonly intervalMs?: number | null }>;
  readonly iperf?: Partial<FailoverIperfPlan>;
};

export const DEFAULT_IPERF_PORT = 5201;
/** Longest timeline a run may have, seconds (iperf3 takes whole-second durations up to a day). */
export const MAX_TIMELINE_S = 86_000;

function finite(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) throw planError(field, value, `a number in [${min}, ${max}]`);
  return value;
}

function text(field: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw planError(field, value, "a non-empty string");
  return value;
}

/**
 * The iperf3 client's duration in whole seconds (iperf3 3.12 reads -t with atoi): t2 rounded up.
 * A client that would end within CLIENT_END_GRACE_S after t2 is left to end by itself, so that
 * iperf3 writes its final report (a SIGINTed client makes a 3.12 server report an error).
 */
export function clientDurationS(plan: FailoverPlan): number {
  return Math.max(1, Math.ceil(plan.t2S));
}

export const CLIENT_END_GRACE_S = 1.5;

export function compileFailoverPlan(raw: RawFailoverPlan): FailoverPlan {
  const t1S = finite("timeline.t1S", raw.t1S, 0, MAX_TIMELINE_S);
  const t2S = finite("timeline.t2S", raw.t2S, 0, MAX_TIMELINE_S);
  if (t1S <= 0) throw planError("timeline.t1S", t1S, "after t0 (> 0 s): the trigger needs traffic before it");
  if (t2S <= t1S) throw planError("timeline.t2S", t2S, `after the trigger t1S = ${t1S} s`);
  const iperfRaw = raw.iperf ?? {};
  const protocol = iperfRaw.protocol ?? "udp";
  if (protocol !== "udp" && protocol !== "tcp") throw planError("iperf.protocol", protocol, `"udp" or "tcp"`);
  const intervalS = finite("iperf.intervalS", iperfRaw.intervalS ?? 0.1, 0.1, 60);
  if (intervalS > t1S) throw planError("iperf.intervalS", intervalS, `at most t1S = ${t1S} s (an interval before the trigger)`);
  const iperf: FailoverIperfPlan = Object.freeze({
    protocol,
    bitrateBps: iperfRaw.bitrateBps == null ? null : finite("iperf.bitrateBps", iperfRaw.bitrateBps, 1, 1e13),
    lengthBytes: iperfRaw.lengthBytes == null ? null : finite("iperf.lengthBytes", iperfRaw.lengthBytes, 1, protocol === "udp" ? 65507 : 1048576),
    intervalS,
  });
  if (!Array.isArray(raw.sessions) || raw.sessions.length === 0) throw planError("sessions", raw.sessions, "a list of at least one {client, server, target}");
  const sessions = raw.sessions.map((session, index) =>
    Object.freeze({
      client: text(`sessions[${index}].client`, session.client),
      server: text(`sessions[${index}].server`, session.server),
      target: text(`sessions[${index}].target`, session.target),
      port: finite(`sessions[${index}].port`, session.port ?? DEFAULT_IPERF_PORT + index, 1, 65535),
    }),
  );
  const ports = sessions.map((session) => `${session.server}:${session.port}`);
  const repeated = ports.find((port, index) => ports.indexOf(port) !== index);
  if (repeated !== undefined) throw planError("sessions[].port", repeated, "unique per server agent (one iperf3 server per port)");
  const meters = (raw.meters ?? []).map((meter, index) =>
    Object.freeze({ agent: text(`meters[${index}].agent`, meter.agent), meter: text(`meters[${index}].meter`, meter.meter), intervalMs: meter.intervalMs == null ? null : finite(`meters[${index}].intervalMs`, meter.intervalMs, 1, 3_600_000) }),
  );
  const action = Object.freeze({ agent: text("action.agent", raw.action?.agent), name: text("action.name", raw.action?.name), params: Object.freeze({ ...(raw.action?.params ?? {}) }) });
  return Object.freeze({ sessions: Object.freeze(sessions), meters: Object.freeze(meters), action, iperf, t1S, t2S });
}

/** Every agent the plan names, in first-use order. */
export function agentsOf(plan: FailoverPlan): string[] {
  return [...new Set([...plan.sessions.flatMap((session) => [session.server, session.client]), ...plan.meters.map((meter) => meter.agent), plan.action.agent])];
}
