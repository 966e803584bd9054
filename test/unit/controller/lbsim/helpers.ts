/** Small worlds for hand-checkable picker and model tests. */
import type { PickerSpec, SimConfigInput } from "../../../../controller/lbsim/config/config-types.js";
import { compileSimConfig } from "../../../../controller/lbsim/config/compile-config.js";
import { KIND_REQUEST } from "../../../../controller/lbsim/model/request-table.js";
import type { World } from "../../../../controller/lbsim/model/world.js";
import type { LbsimScenario } from "../../../../controller/lbsim/scenarios/scenario-types.js";
import { createWorld } from "../../../../controller/lbsim/model/world-setup.js";

/** A short run of a few servers and clients, cheap enough to repeat per picker. */
export const TINY: Omit<SimConfigInput, "picker"> = Object.freeze({
  servers: 6,
  clients: 3,
  subsetSize: 4,
  totalTicks: 40,
  requestsPerServerPerTick: 8,
  meanThreads: 60,
});

/** One client holding channels to servers 0..n-1 in order (deterministic subsetting), nothing running yet. */
export function handWorld(picker: PickerSpec, channels = 3, overrides: Partial<SimConfigInput> = {}): World {
  const config = compileSimConfig({
    servers: channels,
    clients: 1,
    subsetSize: channels,
    subsetting: "deterministic",
    serverResetProbability: 0,
    networkResetProbability: 0,
    ...overrides,
    picker,
  });
  return createWorld(config, 42);
}

/** A request of client 0 in PICKING, as an arrival would create it. */
export function newRequest(world: World, client = 0): number {
  return world.requests.allocate(KIND_REQUEST, client, world.tick);
}

/** Ask the world's picker for client 0 over its full channel list, `times` times; counts per channel. */
export function pickCounts(world: World, times: number): number[] {
  const counts = new Array<number>(world.channels.count).fill(0);
  const perClient = world.settings.channelsPerClient;
  for (let index = 0; index < times; index += 1) {
    const request = newRequest(world);
    world.activePicker.arrive(world, request, 0, world.channelIds, 0, perClient);
    const channel = world.activePicker.pick(world, request, 0, world.channelIds, 0, perClient);
    counts[channel] = (counts[channel] ?? 0) + 1;
    world.requests.release(request);
  }
  return counts;
}

/** Two small scenarios for campaign tests (3 + 1 algorithms). */
export const SMALL_SCENARIOS: readonly LbsimScenario[] = [
  {
    name: "small",
    description: "a small setting",
    overrides: TINY,
    algorithms: [
      { name: "Random", picker: { picker: "random" } },
      { name: "PickTwo", picker: { picker: "leastCost", cost: "clientRif", choices: 2 } },
      { name: "Hcl", picker: { picker: "hcl" } },
    ],
  },
  { name: "busy", description: "more load", overrides: { ...TINY, requestsPerServerPerTick: 12 }, algorithms: [{ name: "Random", picker: { picker: "random" } }] },
];

