/**
 * One failover run on live agents (docs/failover.md): at t0 start the iperf3 servers and power
 * streams, then the clients; at t1 run the action; at t2 stop the clients, let the one-off servers
 * finish (or stop them), stop the meters. Every sample and event keeps its stamp and its agent's
 * clock offset, so that the assembler puts them on one axis. Aborting `signal` between phases
 * stops every stream started so far and rejects with the signal's reason.
 */
import type { Clock } from "../../common/clock.js";
import type { Logger } from "../../common/logger.js";
import type { RunActionResult } from "../../common/wire/types.js";
import { createWallClockNs } from "../../common/wire/wall-clock-ns.js";
import type { AgentClient } from "../agents/agent-client.js";
import type { AgentStream } from "../agents/agent-stream.js";
import { iperfClientStream, iperfServerStream, powerStream } from "../agents/stream-api.js";
import { agentMissingError, streamFailedError } from "./errors.js";
import { agentsOf, CLIENT_END_GRACE_S, clientDurationS, type FailoverPlan } from "./plan.js";
import { FailoverRecorder, offsetNsOf } from "./recorder.js";
import { endStream } from "./stream-stop.js";

export type FailoverAgent = Pick<AgentClient, "startStream" | "runAction" | "clockOffset">;

export interface FailoverTimelineOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  /** Prefix of stream and action run ids (unique per run). */
  readonly runLabel: string;
  /** How long one-off iperf3 servers get to end after their client stopped, seconds. */
  readonly serverGraceS?: number;
}

export interface FailoverTimelineResult {
  readonly recorder: FailoverRecorder;
  readonly action: RunActionResult;
  /** Names of the events the assembler and analysis key on. */
  readonly originEvent: string;
  readonly triggerEvent: string;
}

export const ORIGIN_EVENT = "iperf_client";
export const STOP_EVENT = "stop";

interface Started {
  readonly stream: AgentStream;
  readonly sessionId: string | null;
  readonly role: "server" | "client" | "power";
}

function agentOf(agents: ReadonlyMap<string, FailoverAgent>, id: string, role: string): FailoverAgent {
  const agent = agents.get(id);
  if (agent === undefined) throw agentMissingError(id, role, [...agents.keys()]);
  return agent;
}

async function start(agent: FailoverAgent, agentId: string, what: string, request: Parameters<FailoverAgent["startStream"]>[0], signal: AbortSignal): Promise<AgentStream> {
  try {
    return await agent.startStream(request, { signal });
  } catch (error) {
    signal.throwIfAborted();
    throw streamFailedError(what, agentId, error);
  }
}

export async function runFailoverTimeline(plan: FailoverPlan, agents: ReadonlyMap<string, FailoverAgent>, options: FailoverTimelineOptions): Promise<FailoverTimelineResult> {
  const { clock, signal, runLabel } = options;
  const logger = options.logger.child({ runLabel });
  for (const id of agentsOf(plan)) agentOf(agents, id, "plan");
  const wallNs = createWallClockNs(clock);
  const recorder = new FailoverRecorder();
  const started: Started[] = [];
  const { iperf } = plan;
  try {
    for (const [index, session] of plan.sessions.entries()) {
      const sessionId = `s${index}`;
      recorder.addSession(sessionId, iperf.protocol);
      const server = await start(agentOf(agents, session.server, "server"), session.server, `iperf3 server :${session.port}`, { ...iperfServerStream({ port: session.port, intervalS: iperf.intervalS }), streamId: `${runLabel}-${sessionId}-server` }, signal);
      started.push({ stream: server, sessionId, role: "server" });
      recorder.attachIperf(sessionId, "server", server);
      recorder.event("iperf_server", "start", server.startedUnixNs, session.server, `${sessionId} :${session.port}`, offsetNsOf(server.identity.clockOffset));
    }
    for (const meter of plan.meters) {
      const request = powerStream(meter.meter, meter.intervalMs === null ? {} : { intervalMs: meter.intervalMs });
      const stream = await start(agentOf(agents, meter.agent, "meter"), meter.agent, `power meter ${meter.meter}`, { ...request, streamId: `${runLabel}-power-${meter.agent}-${meter.meter}` }, signal);
      started.push({ stream, sessionId: null, role: "power" });
      recorder.attachPower(meter.agent, meter.meter, stream);
      recorder.event("power", "start", stream.startedUnixNs, meter.agent, meter.meter, offsetNsOf(stream.identity.clockOffset));
    }
    const t0S = clock.monotonicS();
    recorder.event("t0", "start", wallNs(), "controller", null);
    logger.info({ t1S: plan.t1S, t2S: plan.t2S }, "failover timeline started");
    const clientsStartedS = clock.monotonicS();
    for (const [index, session] of plan.sessions.entries()) {
      const sessionId = `s${index}`;
      const request = iperfClientStream({
        host: session.target,
        port: session.port,
        protocol: iperf.protocol,
        intervalS: iperf.intervalS,
        durationS: clientDurationS(plan),
        ...(iperf.bitrateBps !== null && { bitrateBps: iperf.bitrateBps }),
        ...(iperf.lengthBytes !== null && { lengthBytes: iperf.lengthBytes }),
      });
      const client = await start(agentOf(agents, session.client, "client"), session.client, `iperf3 client to ${session.target}:${session.port}`, { ...request, streamId: `${runLabel}-${sessionId}-client` }, signal);
      started.push({ stream: client, sessionId, role: "client" });
      recorder.attachIperf(sessionId, "client", client);
      recorder.event(ORIGIN_EVENT, "start", client.startedUnixNs, session.client, `${sessionId} -> ${session.target}:${session.port}`, offsetNsOf(client.identity.clockOffset));
    }
    await clock.sleep(Math.max(0, t0S + plan.t1S - clock.monotonicS()), signal);
    const actionAgent = agentOf(agents, plan.action.agent, "action");
    const actionOffsetNs = offsetNsOf(actionAgent.clockOffset);
    const requestedNs = wallNs();
    const action = await actionAgent.runAction(plan.action.name, plan.action.params, { signal, runId: `${runLabel}-action` });
    const detail = `${action.outcome}${action.ended?.detail ? `: ${action.ended.detail}` : ""}`;
    if (action.started) recorder.event(plan.action.name, "start", action.started.atUnixNs, plan.action.agent, JSON.stringify(plan.action.params), actionOffsetNs);
    else recorder.event(plan.action.name, "start", requestedNs, "controller", JSON.stringify(plan.action.params));
    if (action.ended) recorder.event(plan.action.name, "stop", action.ended.atUnixNs, plan.action.agent, detail, actionOffsetNs);
    if (action.outcome !== "succeeded") recorder.warn(`action ${plan.action.name} on ${plan.action.agent}: ${detail}`);
    logger.info({ action: plan.action.name, outcome: action.outcome }, "failover action ran");
    await clock.sleep(Math.max(0, t0S + plan.t2S - clock.monotonicS()), signal);
    recorder.event(STOP_EVENT, "start", wallNs(), "controller", null);
    const clientLeftS = clientsStartedS + clientDurationS(plan) - clock.monotonicS();
    await stopAll(started, recorder, clock, { clientGraceS: clientLeftS <= CLIENT_END_GRACE_S ? Math.max(0, clientLeftS) + 0.5 : 0, serverGraceS: options.serverGraceS ?? 2 });
    logger.info({}, "failover timeline stopped");
    return { recorder, action, originEvent: ORIGIN_EVENT, triggerEvent: plan.action.name };
  } finally {
    // Interrupted or failed part-way: nothing keeps running on the agents.
    await Promise.all(started.filter(({ stream }) => !stream.isEnded).map(({ stream }) => endStream(stream, clock)));
  }
}

/** Clients first (ending by themselves when about due; their end lets one-off servers finish their report), then servers, then meters. */
async function stopAll(started: readonly Started[], recorder: FailoverRecorder, clock: Clock, grace: { readonly clientGraceS: number; readonly serverGraceS: number }): Promise<void> {
  const ofRole = (role: Started["role"]) => started.filter((entry) => entry.role === role);
  const end = async (entry: Started, graceS: number) => {
    const ended = await endStream(entry.stream, clock, graceS);
    if (entry.sessionId !== null && entry.role !== "power") {
      if (ended === null) recorder.warn(`session ${entry.sessionId} ${entry.role}: the stream ended without a report (connection lost)`);
      else recorder.endIperf(entry.sessionId, entry.role, ended);
    }
  };
  await Promise.all(ofRole("client").map((entry) => end(entry, grace.clientGraceS)));
  await Promise.all(ofRole("server").map((entry) => end(entry, grace.serverGraceS)));
  await Promise.all(ofRole("power").map((entry) => end(entry, 0)));
}
