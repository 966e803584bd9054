import { describe, expect, it } from "vitest";
import { PrequalPools } from "../../../../controller/lbsim/pickers/prequal-pool.js";

const always = () => true;

describe("Prequal's pool", () => {
  it("takes the hot/cold threshold as the qRif quantile of recent probed RIFs (value at floor((n - 1) q))", () => {
    const pools = new PrequalPools(1, 16, 5);
    expect(pools.threshold(0, 0.84)).toBeNaN();
    for (const rif of [9, 1, 2, 3, 4, 5]) pools.pushRif(0, rif);
    expect(pools.threshold(0, 0)).toBe(1);
    expect(pools.threshold(0, 0.5)).toBe(3);
    expect(pools.threshold(0, 0.84)).toBe(4);
    expect(pools.threshold(0, 1)).toBe(5);
  });

  it("selects the cold entry of least latency, or the least RIF when all are hot; ties go to RIF then latency", () => {
    const pools = new PrequalPools(1, 16, 8);
    pools.insert(0, 10, 0, 10, 1, 2);
    pools.insert(0, 11, 0, 2, 50, 2);
    pools.insert(0, 12, 0, 3, 20, 2);
    expect(pools.channelAt(0, pools.select(0, 5, always))).toBe(12);
    expect(pools.channelAt(0, pools.select(0, 5, (channel) => channel !== 12))).toBe(11);
    expect(pools.channelAt(0, pools.select(0, 1, always))).toBe(11);
    expect(pools.channelAt(0, pools.select(0, Number.NaN, always))).toBe(10);
  });

  it("adds 1 to a used entry's RIF and drops it when its uses run out", () => {
    const pools = new PrequalPools(1, 16, 8);
    pools.insert(0, 4, 0, 1, 1, 2);
    expect(pools.consume(0, 0)).toBe(4);
    expect(pools.rif[0]).toBe(2);
    pools.consume(0, 0);
    expect(pools.size[0]).toBe(0);
  });

  it("keeps the newest answer per channel, evicts the oldest past capacity, ages, removes the worst", () => {
    const pools = new PrequalPools(1, 2, 8);
    pools.insert(0, 0, 1, 1, 1, 9);
    pools.insert(0, 0, 2, 1, 1, 9);
    pools.insert(0, 1, 3, 1, 1, 9);
    pools.insert(0, 2, 4, 1, 1, 9);
    expect([pools.channelAt(0, 0), pools.channelAt(0, 1), pools.size[0]]).toEqual([1, 2, 2]);
    pools.expire(0, 1003.5, 1000);
    expect([pools.channelAt(0, 0), pools.size[0]]).toEqual([2, 1]);
    const worst = new PrequalPools(1, 8, 8);
    worst.insert(0, 0, 0, 9, 1, 9);
    worst.insert(0, 1, 500, 1, 99, 9);
    worst.insert(0, 2, 900, 1, 5, 9);
    worst.removeWorst(0, 5);
    expect(worst.size[0]).toBe(2);
    worst.removeWorst(0, 5);
    expect([worst.size[0], worst.channelAt(0, 0)]).toEqual([1, 2]);
    worst.insert(0, 3, 950, 1, 5, 9);
    worst.removeOldest(0);
    expect(worst.channelAt(0, 0)).toBe(3);
  });
});
