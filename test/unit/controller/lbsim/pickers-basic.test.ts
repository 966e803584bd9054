import { describe, expect, it } from "vitest";
import { COLUMN } from "../../../../controller/lbsim/model/snapshot-table.js";
import { KIND_PROBE } from "../../../../controller/lbsim/model/request-table.js";
import { handWorld, newRequest, pickCounts } from "./helpers.js";

const share = (counts: number[], total: number) => counts.map((count) => count / total);

describe("random, first and round robin", () => {
  it("round robin cycles through each client's channels in order", () => {
    const world = handWorld({ picker: "roundRobin" }, 3);
    const picks = Array.from({ length: 7 }, () => world.activePicker.pick(world, newRequest(world), 0, world.channelIds, 0, 3));
    expect(picks).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it("first always takes the first candidate; random spreads evenly", () => {
    expect(pickCounts(handWorld({ picker: "first" }, 3), 50)).toEqual([50, 0, 0]);
    const spread = share(pickCounts(handWorld({ picker: "random" }, 4), 40_000), 40_000);
    for (const fraction of spread) expect(fraction).toBeCloseTo(0.25, 1);
  });
});

describe("leastCost", () => {
  it("picks the minimum cost, ties at random, missing data as 0", () => {
    const world = handWorld({ picker: "leastCost", cost: "clientRif" }, 4);
    world.channels.inFlight.set([3, 1, 5, 1]);
    const counts = pickCounts(world, 4000);
    expect(counts[0]).toBe(0);
    expect(counts[2]).toBe(0);
    expect((counts[1] as number) / 4000).toBeCloseTo(0.5, 1);
    const latency = handWorld({ picker: "leastCost", cost: "clientLatencyMean" }, 3);
    latency.channels.completedLatency[0]?.insert(9);
    latency.channels.completedLatency[2]?.insert(4);
    expect(pickCounts(latency, 100)).toEqual([0, 100, 0]);
  });

  it("with choices 2 compares two distinct random candidates: never the worst, the best 2/3 of the time", () => {
    const world = handWorld({ picker: "leastCost", cost: "clientRif", choices: 2 }, 3);
    world.channels.inFlight.set([1, 2, 3]);
    const counts = pickCounts(world, 30_000);
    expect(counts[2]).toBe(0);
    expect((counts[0] as number) / 30_000).toBeCloseTo(2 / 3, 1);
  });
});

describe("weighted", () => {
  it("picks with probability proportional to 1 / cost", () => {
    const world = handWorld({ picker: "weighted", cost: "clientRif" }, 3);
    world.channels.inFlight.set([1, 2, 4]);
    const fractions = share(pickCounts(world, 70_000), 70_000);
    expect(fractions[0]).toBeCloseTo(4 / 7, 2);
    expect(fractions[1]).toBeCloseTo(2 / 7, 2);
    expect(fractions[2]).toBeCloseTo(1 / 7, 2);
  });

  it("gives missing and zero costs the mean of the others, and is uniform without any cost", () => {
    const world = handWorld({ picker: "weighted", cost: "clientRif" }, 3);
    world.channels.inFlight.set([0, 2, 6]);
    const fractions = share(pickCounts(world, 60_000), 60_000);
    expect(fractions[0]).toBeCloseTo((1 / 4) / (1 / 4 + 1 / 2 + 1 / 6), 2);
    const none = share(pickCounts(handWorld({ picker: "weighted", cost: "clientRif" }, 3), 30_000), 30_000);
    for (const fraction of none) expect(fraction).toBeCloseTo(1 / 3, 1);
  });

  it("with allowNegativeCost shifts weights so the smallest is 0.1 (the server-side PID cost)", () => {
    const world = handWorld({ picker: "weighted", cost: "cheatServerPid", allowNegativeCost: true }, 2);
    world.servers.pidWeight.set([-2, 1]);
    for (let server = 0; server < 2; server += 1) {
      const row = world.snapshots.append();
      world.snapshots.set(row, COLUMN.pidWeight, world.servers.pidWeight[server] as number);
      world.servers.snapshot[server] = row;
    }
    const fractions = share(pickCounts(world, 40_000), 40_000);
    expect(fractions[0]).toBeCloseTo(0.1 / 3.1, 2);
  });
});

describe("subset and withProbes", () => {
  it("subset hands its inner picker `size` candidates drawn with replacement", () => {
    const world = handWorld({ picker: "subset", size: 2, inner: { picker: "first" } }, 4);
    const firsts = pickCounts(world, 40_000);
    for (const count of firsts) expect(count / 40_000).toBeCloseTo(0.25, 1);
  });

  it("withProbes probes as many idle candidates as asked, no more than are idle", () => {
    const world = handWorld({ picker: "withProbes", probesPerRequest: 2, inner: { picker: "first" } }, 4);
    const request = newRequest(world);
    world.activePicker.arrive(world, request, 0, world.channelIds, 0, 4);
    const probed = [0, 1, 2, 3].filter((channel) => (world.channels.sending[channel]?.length ?? 0) > 0);
    expect(probed).toHaveLength(2);
    expect(probed.every((channel) => world.requests.kind[world.channels.sending[channel]?.data[0] as number] === KIND_PROBE)).toBe(true);
    const busy = handWorld({ picker: "withProbes", probesPerRequest: 3, inner: { picker: "first" } }, 4);
    busy.channels.inFlight.set([1, 1, 1, 0]);
    busy.activePicker.arrive(busy, newRequest(busy), 0, busy.channelIds, 0, 4);
    expect(busy.recorder.probeCount).toBe(1);
  });
});

describe("pidWeighted (client side)", () => {
  it("moves weight away from a channel whose server reports high utilization", () => {
    const world = handWorld({ picker: "pidWeighted" }, 3);
    [95, 30, 30].forEach((utilization, channel) => {
      const row = world.snapshots.append();
      world.snapshots.set(row, COLUMN.utilizationLatest, utilization);
      world.channels.lastSnapshot[channel] = row;
    });
    pickCounts(world, 20);
    const counts = pickCounts(world, 3000);
    expect(counts[0]).toBeLessThan((counts[1] as number) / 2);
  });
});
