/**
 * One server's tick, as the notebook's Server.tick: a possible reset, then free threads take
 * queued requests (FIFO), every request on a thread advances and finished ones go back on their
 * channel, then the server records utilization (requests on threads this tick / threads), queries
 * this tick, requests in flight, queue length and mean latency, and the PID weight moves.
 */
import { geometricSkip, randGamma } from "../random/distributions.js";
import { writeSnapshot } from "./capture-snapshot.js";
import { KIND_PROBE, PROCESSING, SERVER_QUEUE } from "./request-table.js";
import { respondFromServer } from "./transport.js";
import type { IntDeque, IntList } from "./typed-lists.js";
import type { World } from "./world.js";
import { STAGE_RUNNING } from "./world.js";

/** New threads, speed and RTT; fresh state and cold channels; requests beyond the new pool go back to the queue front. */
export function resetServer(world: World, server: number): void {
  const { servers, settings } = world;
  const rng = world.rng.resets;
  servers.threads[server] = randGamma(rng, settings.meanThreads);
  servers.meanProcessingTicks[server] = randGamma(rng, settings.meanProcessingTicks);
  servers.meanRttTicks[server] = randGamma(rng, settings.meanServerRttTicks, settings.serverRttVariance);
  servers.clearState(server);
  const processing = servers.processing[server] as IntList;
  const threads = servers.threads[server] as number;
  if (processing.length > threads) {
    const queue = servers.queue[server] as IntDeque;
    for (let index = threads; index < processing.length; index += 1) {
      const request = processing.data[index] as number;
      world.requests.state[request] = SERVER_QUEUE;
      queue.pushFront(request);
    }
    processing.length = threads;
  }
  if (world.needs.snapshotColumns !== 0) servers.snapshot[server] = writeSnapshot(world, server);
}

function dequeue(world: World, server: number): void {
  const { servers, requests, settings } = world;
  const queue = servers.queue[server] as IntDeque;
  const processing = servers.processing[server] as IntList;
  const free = (servers.threads[server] as number) - processing.length;
  const taken = Math.min(Math.max(0, free), queue.length);
  const warmBase = server * settings.clients;
  for (let index = 0; index < taken; index += 1) {
    const request = queue.popFront();
    const warmSlot = warmBase + (requests.client[request] as number);
    let ticks: number;
    if (requests.kind[request] === KIND_PROBE) ticks = settings.probeProcessingTicks;
    else ticks = randGamma(world.rng.service, servers.meanProcessingTicks[server] as number);
    if (servers.warm[warmSlot] === 0) {
      servers.warm[warmSlot] = 1;
      if (requests.kind[request] !== KIND_PROBE) ticks += settings.coldChannelPenaltyTicks;
    }
    requests.state[request] = PROCESSING;
    requests.dueTick[request] = world.tick + ticks - 1;
    processing.push(request);
  }
}

/** The notebook's server-side PID: target 10 points above the mean of every server's mean utilization (below 80%). */
function adjustPid(world: World, server: number, utilizationPct: number): void {
  const { servers } = world;
  let sum = 0;
  let known = 0;
  for (let other = 0; other < servers.count; other += 1) {
    const window = servers.utilization[other];
    if (window !== undefined && window.size > 0) {
      sum += window.mean();
      known += 1;
    }
  }
  if (known === 0) return;
  const average = sum / known;
  const target = average < 80 ? average + 10 : average;
  servers.pidWeight[server] = (servers.pidWeight[server] as number) + servers.pid.update(server, utilizationPct, target);
}

export function tickServer(world: World, server: number): void {
  const { servers, requests } = world;
  const tick = world.tick;
  if (tick === servers.nextResetTick[server]) {
    resetServer(world, server);
    servers.nextResetTick[server] = tick + 1 + geometricSkip(world.rng.resets, world.settings.serverResetProbability);
  }
  dequeue(world, server);
  const processing = servers.processing[server] as IntList;
  const onThreads = processing.length;
  let finished = 0;
  let latencySum = 0;
  let kept = 0;
  for (let index = 0; index < onThreads; index += 1) {
    const request = processing.data[index] as number;
    if ((requests.dueTick[request] as number) <= tick) {
      respondFromServer(world, request, server);
      latencySum += tick - (requests.enqueuedTick[request] as number);
      finished += 1;
    } else processing.data[kept++] = request;
  }
  processing.length = kept;
  const utilizationPct = (100 * onThreads) / (servers.threads[server] as number);
  if (world.stage === STAGE_RUNNING) world.recorder.recordUtilization(tick, server, utilizationPct);
  if (world.needs.serverPid) adjustPid(world, server, utilizationPct);
  const inFlight = servers.inFlight(server);
  servers.utilization[server]?.insert(utilizationPct);
  servers.queriesPerTick[server]?.insert(servers.queriesInTick[server] as number);
  servers.requestsInFlight[server]?.insert(inFlight);
  servers.queued[server]?.insert((servers.queue[server] as IntDeque).length);
  if (finished > 0) {
    servers.latencies[server]?.insert(latencySum / finished);
    servers.latencyByRif[server]?.set(inFlight, latencySum / finished);
  }
  servers.queriesInTick[server] = 0;
  if (world.needs.snapshotColumns !== 0) servers.snapshot[server] = writeSnapshot(world, server);
}
