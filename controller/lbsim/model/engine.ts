/**
 * The tick loop, as the notebook's TestManager.runTest: ticks 0..totalTicks-1 bring arrivals
 * (WARMING up to warmupTicks, RUNNING after), each tick handing new requests to their clients,
 * then ticking every server, then every client. COOLING ticks follow without arrivals until
 * every request and probe has finished or maxCooldownTicks have passed; what is still in
 * flight then is censored (counted at its latency so far).
 */
import { arrivalCounts } from "./arrivals.js";
import { tickClient } from "./client-tick.js";
import { KIND_REQUEST } from "./request-table.js";
import { tickServer } from "./server-tick.js";
import { censorUnfinished } from "./transport.js";
import type { IntList } from "./typed-lists.js";
import type { World } from "./world.js";
import { STAGE_COOLING, STAGE_RUNNING, STAGE_WARMING } from "./world.js";

function step(world: World, arrivals: number): void {
  const { settings, requests } = world;
  const picker = world.activePicker;
  const perClient = settings.channelsPerClient;
  for (let index = 0; index < arrivals; index += 1) {
    const client = world.rng.arrivals.below(settings.clients);
    const request = requests.allocate(KIND_REQUEST, client, world.tick);
    world.recorder.requestCount += 1;
    picker.arrive(world, request, client, world.channelIds, client * perClient, perClient);
    (world.pending[client] as IntList).push(request);
  }
  for (let server = 0; server < settings.servers; server += 1) tickServer(world, server);
  for (let client = 0; client < settings.clients; client += 1) tickClient(world, client);
  world.tick += 1;
}

/** Run the whole test; the world's recorder then holds the run's raw metrics. */
export function runWorld(world: World): void {
  const { settings } = world;
  const counts = arrivalCounts(settings, world.rng.arrivals);
  world.stage = STAGE_WARMING;
  for (let tick = 0; tick < settings.totalTicks; tick += 1) {
    if (tick > settings.warmupTicks) world.stage = STAGE_RUNNING;
    step(world, counts[tick] as number);
  }
  world.stage = STAGE_COOLING;
  for (let cooled = 0; cooled < settings.maxCooldownTicks && world.requests.live > 0; cooled += 1) step(world, 0);
  censorUnfinished(world);
}
