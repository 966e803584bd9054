/**
 * Moving a request between states, as the notebook's Channel.send, Server.enqueue,
 * Channel.receive and Client.complete do. A state lasting n ticks ends on tick start + n - 1
 * (the notebook ticks a request in the tick it enters a state), so a request's latency,
 * the notebook's sum of ticks in every state, is completion tick - start tick + 3.
 */
import { randGamma } from "../random/distributions.js";
import {
  KIND_LOAD_PROBE,
  KIND_PROBE,
  KIND_REQUEST,
  PICKING,
  RECEIVING,
  SENDING,
  SERVER_QUEUE,
} from "./request-table.js";
import type { IntList } from "./typed-lists.js";
import type { World } from "./world.js";
import { STAGE_WARMING } from "./world.js";

/** Ticks from start to completion plus the three transition ticks counted twice. */
export const LATENCY_OFFSET_TICKS = 3;

/** A new probe from `client`, not yet sent. */
export function createProbe(world: World, client: number, kind: typeof KIND_PROBE | typeof KIND_LOAD_PROBE): number {
  world.recorder.probeCount += 1;
  return world.requests.allocate(kind, client, world.tick);
}

/** PICKING -> SENDING on `channel`. */
export function send(world: World, request: number, channel: number): void {
  const { requests, channels } = world;
  const kind = requests.kind[request];
  requests.channel[request] = channel;
  requests.state[request] = SENDING;
  requests.sentTick[request] = world.tick;
  requests.dueTick[request] = world.tick + randGamma(world.rng.service, channels.meanTicks[channel] as number) - 1;
  if (kind !== KIND_LOAD_PROBE) channels.inFlight[channel] = (channels.inFlight[channel] as number) + 1;
  if (kind === KIND_REQUEST) channels.active[channel] = (channels.active[channel] as number) + 1;
  (channels.sending[channel] as IntList).push(request);
}

function startReceiving(world: World, request: number, channel: number): void {
  const { requests, channels } = world;
  requests.state[request] = RECEIVING;
  requests.dueTick[request] = world.tick + randGamma(world.rng.service, channels.meanTicks[channel] as number) - 1;
  (channels.receiving[channel] as IntList).push(request);
}

/** SENDING -> SERVER_QUEUE; a load probe is answered at once (RIF now, latency expected at that RIF). */
export function arriveAtServer(world: World, request: number, channel: number): void {
  const { requests, servers } = world;
  const server = world.channels.server[channel] as number;
  if (requests.kind[request] === KIND_LOAD_PROBE) {
    const rif = servers.inFlight(server);
    const latency = servers.latencyByRif[server]?.interpolate(rif) ?? Number.NaN;
    requests.reportedRif[request] = rif;
    requests.reportedLatencyTicks[request] = Number.isNaN(latency) ? 0 : latency;
    startReceiving(world, request, channel);
    return;
  }
  requests.state[request] = SERVER_QUEUE;
  requests.enqueuedTick[request] = world.tick;
  servers.queue[server]?.pushBack(request);
  servers.queriesInTick[server] = (servers.queriesInTick[server] as number) + 1;
}

/** PROCESSING -> RECEIVING, carrying the server's current snapshot. */
export function respondFromServer(world: World, request: number, server: number): void {
  const { requests, channels } = world;
  const channel = requests.channel[request] as number;
  channels.inFlight[channel] = (channels.inFlight[channel] as number) - 1;
  requests.snapshot[request] = world.servers.snapshot[server] as number;
  startReceiving(world, request, channel);
}

/** RECEIVING -> COMPLETED: the client learns the latency and the snapshot; the id is released. */
export function completeAtClient(world: World, request: number, channel: number): void {
  const { requests, channels } = world;
  const kind = requests.kind[request];
  if (kind !== KIND_LOAD_PROBE) {
    const latencyTicks = world.tick - (requests.startedTick[request] as number) + LATENCY_OFFSET_TICKS;
    channels.completedLatency[channel]?.insert(latencyTicks);
    channels.lastSnapshot[channel] = requests.snapshot[request] as number;
    if (kind === KIND_REQUEST) {
      channels.active[channel] = (channels.active[channel] as number) - 1;
      if (world.stage !== STAGE_WARMING) world.recorder.recordLatency(world.tick, latencyTicks);
    }
  }
  world.activePicker.responded(world, request, channel);
  requests.release(request);
}

/** Requests still in flight at the end: counted with their latency so far (a lower bound). */
export function censorUnfinished(world: World): void {
  const { requests } = world;
  for (let id = 0; id < requests.capacity; id += 1) {
    const state = requests.state[id] as number;
    if (state >= PICKING && state <= RECEIVING && requests.kind[id] === KIND_REQUEST) {
      world.recorder.recordCensored(world.tick - 1 - (requests.startedTick[id] as number) + LATENCY_OFFSET_TICKS);
    }
  }
}
