/**
 * A run's starting point, as the notebook's runTest builds it: servers (each reset once: threads,
 * processing speed, RTT), then clients, each with its subset of servers and one channel per slot
 * whose mean one-way delay is (server RTT + randGamma(channel RTT)) / 2. Topology draws come from
 * their own stream, so every picker under one seed meets the same servers and subsets.
 */
import type { CompiledSimConfig } from "../config/compiled.js";
import { geometricSkip, randGamma } from "../random/distributions.js";
import { createRandomStreams } from "../random/rng.js";
import type { RandomStream } from "../random/rng.js";
import { writeSnapshot } from "./capture-snapshot.js";
import { World } from "./world.js";

function subsetOf(config: CompiledSimConfig, client: number, rng: RandomStream): number[] {
  const { servers, subsetSize, subsetting } = config;
  if (subsetSize === null) return Array.from({ length: servers }, (_, server) => server);
  if (subsetting === "deterministic") {
    const first = Math.floor((client * servers) / config.clients);
    return Array.from({ length: subsetSize }, (_, slot) => (first + slot) % servers);
  }
  if (subsetting === "random") return Array.from({ length: subsetSize }, () => rng.below(servers));
  const pool = Array.from({ length: servers }, (_, server) => server);
  for (let slot = 0; slot < subsetSize; slot += 1) {
    const pick = slot + rng.below(servers - slot);
    [pool[slot], pool[pick]] = [pool[pick] as number, pool[slot] as number];
  }
  return pool.slice(0, subsetSize);
}

export function createWorld(config: CompiledSimConfig, seed: number): World {
  const world = new World(config, createRandomStreams(seed), config.pickerPlan.needs);
  const { servers, channels, rng } = world;
  for (let server = 0; server < config.servers; server += 1) {
    servers.threads[server] = randGamma(rng.topology, config.meanThreads);
    servers.meanProcessingTicks[server] = randGamma(rng.topology, config.meanProcessingTicks);
    servers.meanRttTicks[server] = randGamma(rng.topology, config.meanServerRttTicks, config.serverRttVariance);
    servers.nextResetTick[server] = geometricSkip(rng.resets, config.serverResetProbability);
    if (world.needs.snapshotColumns !== 0) servers.snapshot[server] = writeSnapshot(world, server);
  }
  for (let client = 0; client < config.clients; client += 1) {
    const subset = subsetOf(config, client, rng.topology);
    subset.forEach((server, slot) => {
      const channel = client * config.channelsPerClient + slot;
      channels.server[channel] = server;
      channels.pairKey[channel] = client * config.servers + server;
      const channelRtt = randGamma(rng.topology, config.meanChannelRttTicks, config.channelRttVariance);
      channels.meanTicks[channel] = ((servers.meanRttTicks[server] as number) + channelRtt) / 2;
      channels.nextResetTick[channel] = geometricSkip(rng.resets, config.networkResetProbability);
    });
  }
  world.picker = config.pickerPlan.build(world);
  return world;
}
