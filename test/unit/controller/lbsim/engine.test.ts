import { describe, expect, it } from "vitest";
import { compileSimConfig } from "../../../../controller/lbsim/config/compile-config.js";
import { runWorld } from "../../../../controller/lbsim/model/engine.js";
import { PROCESSING, SERVER_QUEUE } from "../../../../controller/lbsim/model/request-table.js";
import { resetServer } from "../../../../controller/lbsim/model/server-tick.js";
import { createWorld } from "../../../../controller/lbsim/model/world-setup.js";
import { handWorld, newRequest } from "./helpers.js";

const latencies = (world: ReturnType<typeof createWorld>) => Array.from(world.recorder.latencyTicks.data.subarray(0, world.recorder.latencyTicks.length));

describe("the tick loop", () => {
  it("counts a request's ticks as the notebook does: at least pick + send + process + receive = 4", () => {
    const config = compileSimConfig({
      servers: 2,
      clients: 2,
      subsetSize: 2,
      totalTicks: 60,
      requestsPerServerPerTick: 3,
      meanChannelRttTicks: 0.7,
      meanServerRttTicks: 0.7,
      meanProcessingTicks: 0.7,
      coldChannelPenaltyTicks: 0,
      picker: { picker: "random" },
    });
    const world = createWorld(config, 5);
    runWorld(world);
    const measured = latencies(world);
    expect(measured.length).toBeGreaterThan(100);
    expect(Math.min(...measured)).toBe(4);
    expect(world.recorder.censoredCount).toBe(0);
    expect(world.requests.live).toBe(0);
  });

  it("adds the cold-channel penalty to the first request of each client on a server", () => {
    const run = (penalty: number) => {
      const world = createWorld(
        compileSimConfig({ servers: 1, clients: 1, subsetSize: 1, totalTicks: 20, requestsPerServerPerTick: 1, coldChannelPenaltyTicks: penalty, maxCooldownTicks: 1000, serverResetProbability: 0, picker: { picker: "random" } }),
        3,
      );
      runWorld(world);
      return Math.max(...latencies(world));
    };
    expect(run(500)).toBeGreaterThan(500);
    expect(run(0)).toBeLessThan(60);
  });

  it("cools down until everything finished, and censors what the cool-down limit leaves unfinished", () => {
    const config = (maxCooldownTicks: number) =>
      compileSimConfig({ servers: 2, clients: 2, subsetSize: 2, totalTicks: 30, requestsPerServerPerTick: 5, meanThreads: 20, maxCooldownTicks, picker: { picker: "random" } });
    const drained = createWorld(config(300), 1);
    runWorld(drained);
    expect(drained.recorder.censoredCount).toBe(0);
    expect(drained.tick).toBeGreaterThan(30);
    const cut = createWorld(config(0), 1);
    runWorld(cut);
    expect(cut.tick).toBe(30);
    expect(cut.recorder.censoredCount).toBeGreaterThan(20);
    expect(cut.recorder.latencyTicks.length).toBeGreaterThan(cut.recorder.censoredCount);
  });

  it("records latencies only after the warm-up and only on sampled ticks", () => {
    const base = { servers: 4, clients: 2, subsetSize: 2, totalTicks: 90, requestsPerServerPerTick: 5, picker: { picker: "random" } } as const;
    const all = createWorld(compileSimConfig(base), 8);
    runWorld(all);
    const sparse = createWorld(compileSimConfig({ ...base, sampleEveryTicks: 30 }), 8);
    runWorld(sparse);
    expect(all.recorder.requestCount).toBe(4 * 5 * 90);
    expect(all.recorder.latencyTicks.length).toBeLessThan(all.recorder.requestCount);
    expect(sparse.recorder.latencyTicks.length).toBeLessThan(all.recorder.latencyTicks.length / 10);
    expect(sparse.recorder.utilizationPct.length).toBe(4);
  });
});

describe("a server reset", () => {
  it("puts requests beyond the new thread count back at the queue front, last first, and forgets state", () => {
    const world = handWorld({ picker: "random" }, 1, { meanThreads: 1 });
    const { servers, requests } = world;
    const processing = Array.from({ length: 8 }, () => newRequest(world));
    const queued = Array.from({ length: 2 }, () => newRequest(world));
    for (const request of processing) {
      requests.state[request] = PROCESSING;
      servers.processing[0]?.push(request);
    }
    for (const request of queued) servers.queue[0]?.pushBack(request);
    servers.utilization[0]?.insert(50);
    servers.warm[0] = 1;
    resetServer(world, 0);
    const threads = servers.threads[0] as number;
    expect(threads).toBeLessThan(8);
    const queue = servers.queue[0];
    const order = Array.from({ length: queue?.length ?? 0 }, (_, index) => queue?.at(index));
    expect(order).toEqual([...processing.slice(threads).reverse(), ...queued]);
    expect(Array.from(servers.processing[0]?.data.subarray(0, threads) ?? [])).toEqual(processing.slice(0, threads));
    expect(processing.slice(threads).every((request) => requests.state[request] === SERVER_QUEUE)).toBe(true);
    expect(servers.utilization[0]?.size).toBe(0);
    expect(servers.warm[0]).toBe(0);
  });
});
