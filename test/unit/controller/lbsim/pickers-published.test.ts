import { describe, expect, it } from "vitest";
import { KIND_LOAD_PROBE, KIND_PROBE, KIND_REQUEST } from "../../../../controller/lbsim/model/request-table.js";
import { completeAtClient } from "../../../../controller/lbsim/model/transport.js";
import type { World } from "../../../../controller/lbsim/model/world.js";
import { PEAK_EWMA_PENALTY } from "../../../../controller/lbsim/pickers/peak-ewma.js";
import { handWorld, newRequest, pickCounts } from "./helpers.js";

describe("envoyLeastRequest", () => {
  it("takes the fewest active of choiceCount samples drawn with replacement: the busier of two 25% of the time", () => {
    const world = handWorld({ picker: "envoyLeastRequest" }, 2);
    world.channels.active.set([0, 5]);
    expect((pickCounts(world, 40_000)[1] as number) / 40_000).toBeCloseTo(0.25, 1);
  });

  it("with server-thread weights runs an EDF schedule: bias 0 is weighted round robin, bias 1 divides by active + 1", () => {
    const wrr = handWorld({ picker: "envoyLeastRequest", weights: "serverThreads", activeRequestBias: 0 }, 2);
    wrr.servers.threads.set([10, 30]);
    expect(pickCounts(wrr, 400)).toEqual([100, 300]);
    const biased = handWorld({ picker: "envoyLeastRequest", weights: "serverThreads", activeRequestBias: 1 }, 2);
    biased.servers.threads.set([10, 30]);
    biased.channels.active.set([0, 2]);
    const counts = pickCounts(biased, 400);
    expect(Math.abs((counts[0] as number) - (counts[1] as number))).toBeLessThanOrEqual(2);
  });
});

describe("peakEwma", () => {
  const load = (world: World, channel: number) => (world.activePicker as unknown as { load(world: World, channel: number): number }).load(world, channel);
  const respond = (world: World, channel: number, sentTick: number) => {
    const request = newRequest(world);
    world.requests.channel[request] = channel;
    world.requests.sentTick[request] = sentTick;
    world.activePicker.responded(world, request, channel);
    world.requests.release(request);
  };

  it("penalizes a channel with requests out and no sample, jumps to peaks and decays with exp(-elapsed / decayTicks)", () => {
    const world = handWorld({ picker: "peakEwma", decayTicks: 100 }, 2);
    world.channels.active.set([1, 0]);
    expect(load(world, 0)).toBe(PEAK_EWMA_PENALTY);
    expect(load(world, 1)).toBe(0);
    world.tick = 10;
    respond(world, 0, 2);
    world.channels.active.set([0, 0]);
    expect(load(world, 0)).toBe(10);
    world.tick = 110;
    respond(world, 0, 108);
    const decayed = 10 * Math.exp(-1) + 4 * (1 - Math.exp(-1));
    expect(load(world, 0)).toBeCloseTo(decayed, 9);
    world.channels.active.set([2, 0]);
    expect(load(world, 0)).toBeCloseTo(decayed * 3, 9);
    world.tick = 111;
    respond(world, 0, 100);
    expect(load(world, 0)).toBe(13 * 3);
  });

  it("picks the lower load of two distinct candidates", () => {
    const world = handWorld({ picker: "peakEwma" }, 2);
    world.tick = 5;
    respond(world, 0, 0);
    respond(world, 1, 3);
    expect(pickCounts(world, 50)).toEqual([0, 50]);
  });
});

describe("fastestProbe", () => {
  it("probes every candidate, waits, then takes the channel whose probe came back first", () => {
    const world = handWorld({ picker: "fastestProbe" }, 3);
    const request = newRequest(world);
    world.activePicker.arrive(world, request, 0, world.channelIds, 0, 3);
    expect(world.activePicker.pick(world, request, 0, world.channelIds, 0, 3)).toBe(-1);
    const probes = [0, 1, 2].map((channel) => world.channels.sending[channel]?.data[0] as number);
    expect(probes.every((probe) => world.requests.kind[probe] === KIND_PROBE)).toBe(true);
    expect(world.activePicker.pick(world, request, 0, world.channelIds, 0, 3)).toBe(-1);
    world.tick = 4;
    completeAtClient(world, probes[2] as number, 2);
    expect(world.activePicker.pick(world, request, 0, world.channelIds, 0, 3)).toBe(2);
  });
});

describe("prequal", () => {
  it("sends probesPerRequest load probes per arrival (fractional rates spread evenly) to distinct candidates", () => {
    const world = handWorld({ picker: "prequal", probesPerRequest: 1.5 }, 4);
    for (let index = 0; index < 4; index += 1) world.activePicker.arrive(world, newRequest(world), 0, world.channelIds, 0, 4);
    expect(world.recorder.probeCount).toBe(6);
    const kinds = [0, 1, 2, 3].flatMap((channel) => Array.from(world.channels.sending[channel]?.data.subarray(0, world.channels.sending[channel]?.length) ?? []));
    expect(kinds.every((probe) => world.requests.kind[probe] === KIND_LOAD_PROBE)).toBe(true);
  });

  it("picks at random below two pooled answers, then by HCL on the pool", () => {
    const world = handWorld({ picker: "prequal", qRif: 0.5, removesPerRequest: 0 }, 3);
    const answer = (channel: number, rif: number, latency: number) => {
      const probe = world.requests.allocate(KIND_LOAD_PROBE, 0, world.tick);
      world.requests.reportedRif[probe] = rif;
      world.requests.reportedLatencyTicks[probe] = latency;
      world.activePicker.responded(world, probe, channel);
      world.requests.release(probe);
    };
    answer(0, 1, 50);
    const early = pickCounts(world, 3000);
    expect(early.every((count) => count > 800)).toBe(true);
    answer(1, 9, 1);
    answer(2, 2, 20);
    const request = world.requests.allocate(KIND_REQUEST, 0, world.tick);
    expect(world.activePicker.pick(world, request, 0, world.channelIds, 0, 3)).toBe(2);
  });
});
