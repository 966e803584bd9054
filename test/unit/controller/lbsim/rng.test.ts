import { describe, expect, it } from "vitest";
import { RandomStream, STREAM_NAMES, createRandomStreams } from "../../../../controller/lbsim/random/rng.js";

describe("random streams", () => {
  it("repeat exactly for one seed and differ between seeds and between streams", () => {
    const draws = (seed: number) => Array.from({ length: 5 }, () => createRandomStreams(seed).arrivals.nextUint32());
    const first = createRandomStreams(1);
    const again = createRandomStreams(1);
    const a = Array.from({ length: 100 }, () => first.service.uniform());
    expect(Array.from({ length: 100 }, () => again.service.uniform())).toEqual(a);
    expect(draws(1)[0]).not.toBe(draws(2)[0]);
    const streams = createRandomStreams(1);
    const heads = STREAM_NAMES.map((name) => streams[name].nextUint32());
    expect(new Set(heads).size).toBe(STREAM_NAMES.length);
  });

  it("matches the xoshiro128** reference output for state (1, 2, 3, 4)", () => {
    const rng = new RandomStream([1, 2, 3, 4]);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it("draws uniforms in (0, 1) with mean 1/2 and integers below n", () => {
    const rng = createRandomStreams(8).picker;
    let sum = 0;
    let outside = 0;
    const seen = new Set<number>();
    for (let index = 0; index < 100_000; index += 1) {
      const value = rng.uniform();
      if (!(value > 0 && value < 1)) outside += 1;
      sum += value;
      seen.add(rng.below(7));
    }
    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("draws standard normals", () => {
    const rng = createRandomStreams(4).service;
    let sum = 0;
    let squares = 0;
    for (let index = 0; index < 100_000; index += 1) {
      const value = rng.normal();
      sum += value;
      squares += value * value;
    }
    expect(sum / 100_000).toBeCloseTo(0, 1);
    expect(squares / 100_000).toBeCloseTo(1, 1);
  });
});
