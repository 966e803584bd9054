import { describe, expect, it } from "vitest";
import { ChannelTable } from "../../../../controller/lbsim/model/channel-table.js";
import { CountingTree, linearPercentile } from "../../../../controller/lbsim/pickers/counting-tree.js";
import { HealthHistory } from "../../../../controller/lbsim/pickers/health-history.js";
import { handWorld, pickCounts } from "./helpers.js";

const clientMetricsHcl = { picker: "hcl", health: "clientRif", ranking: "clientLatencyMean" } as const;

describe("hcl", () => {
  it("takes the least-ranked candidate among those at or under the 80th percentile of health history", () => {
    const world = handWorld(clientMetricsHcl, 3);
    world.channels.inFlight.set([1, 5, 9]);
    [10, 3, 1].forEach((latency, channel) => world.channels.completedLatency[channel]?.insert(latency));
    // history [1, 5, 9]: cut-off 5 + 0.6 * (9 - 5) = 7.4, so channels 0 and 1 are cold; 1 ranks best.
    expect(pickCounts(world, 1)).toEqual([0, 1, 0]);
  });

  it("falls back to the least health when every candidate is hot", () => {
    const world = handWorld(clientMetricsHcl, 3);
    world.channels.inFlight.set([1, 1, 1]);
    [10, 3, 1].forEach((latency, channel) => world.channels.completedLatency[channel]?.insert(latency));
    expect(pickCounts(world, 20)).toEqual([0, 0, 20]);
    world.channels.inFlight.set([6, 5, 7]);
    expect(pickCounts(world, 1)).toEqual([0, 1, 0]);
  });

  it("ranks a candidate without data at the mean of the others, and picks at random without any health", () => {
    const world = handWorld(clientMetricsHcl, 3);
    world.channels.inFlight.set([2, 2, 2]);
    world.channels.completedLatency[1]?.insert(4);
    world.channels.completedLatency[2]?.insert(8);
    expect(pickCounts(world, 5)).toEqual([0, 5, 0]);
    const blind = handWorld(clientMetricsHcl, 3);
    const counts = pickCounts(blind, 3000);
    expect(counts.every((count) => count > 800)).toBe(true);
  });
});

describe("HealthHistory", () => {
  function channelsWithDuplicate(): ChannelTable {
    const channels = new ChannelTable(1, 3, 100);
    channels.server.set([4, 4, 7]);
    channels.pairKey.set([4, 4, 7]);
    return channels;
  }

  it("shares one history between two channels to one server and counts it once per channel, counted or sorted alike", () => {
    const list = Int32Array.from([0, 1, 2]);
    for (const counted of [true, false]) {
      const history = new HealthHistory(channelsWithDuplicate(), 4, counted);
      history.insert(0, 0, 1);
      history.insert(0, 1, 3);
      history.insert(0, 2, 10);
      // values: [1, 3] twice and [10]: sorted 1 1 3 3 10, the 80th percentile at position 3.2 -> 3 + 0.2 * 7.
      expect(history.cutoff(0, list, 0, 3, 0.8)).toBeCloseTo(4.4, 12);
      for (const value of [5, 5, 5]) history.insert(0, 0, value);
      // the shared history keeps its last 4 values: [3, 5, 5, 5], twice, plus [10].
      expect(history.cutoff(0, list, 0, 3, 0.5)).toBe(5);
    }
  });
});

describe("CountingTree", () => {
  it("finds k-th smallest values and grows past its first size", () => {
    const tree = new CountingTree(4);
    for (const value of [7, 3, 3, 100, 0]) tree.add(value, 1);
    expect([0, 1, 2, 3, 4].map((k) => tree.kth(k))).toEqual([0, 3, 3, 7, 100]);
    tree.add(3, -2);
    expect(tree.total).toBe(3);
    expect([0, 1, 2].map((k) => tree.kth(k))).toEqual([0, 7, 100]);
    expect(linearPercentile(3, 0.8, (k) => tree.kth(k))).toBeCloseTo(7 + 0.6 * 93, 12);
  });
});
