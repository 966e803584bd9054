import { describe, expect, it } from "vitest";
import { LatencyByRif } from "../../../../controller/lbsim/model/latency-by-rif.js";
import { PidArray } from "../../../../controller/lbsim/model/pid.js";
import { RingWindow } from "../../../../controller/lbsim/model/ring-window.js";
import { IntDeque } from "../../../../controller/lbsim/model/typed-lists.js";
import { arrivalCounts, roundHalfEven, tickMultipliers } from "../../../../controller/lbsim/model/arrivals.js";
import { NOTEBOOK_DEFAULTS } from "../../../../controller/lbsim/config/defaults.js";
import { createRandomStreams } from "../../../../controller/lbsim/random/rng.js";

describe("RingWindow (the notebook's LastN)", () => {
  it("passes the notebook's LastNFloats asserts", () => {
    const window = new RingWindow(3);
    expect(window.size).toBe(0);
    expect(window.latest()).toBeNaN();
    expect(window.mean()).toBeNaN();
    window.insert(5);
    expect([window.latest(), window.mean(), window.ewma(0.5)]).toEqual([5, 5, 5]);
    window.insert(10);
    expect([window.latest(), window.mean(), window.ewma(0.5), window.ewma(1), window.ewma(0)]).toEqual([10, 7.5, 7.5, 10, 5]);
    window.insert(15);
    expect([window.latest(), window.mean()]).toEqual([15, 10]);
    window.insert(20);
    expect([window.latest(), window.mean(), window.size]).toEqual([20, 15, 3]);
    expect(window.ewma(0.5)).toBe(0.5 * 20 + 0.5 * (0.5 * 15 + 0.5 * 10));
    window.clear();
    expect(window.mean()).toBeNaN();
  });
});

describe("LatencyByRif (the notebook's interpolate)", () => {
  it("passes the notebook's interpolate asserts", () => {
    const table = new LatencyByRif();
    expect(table.interpolate(0)).toBeNaN();
    for (const rif of [1, 2, 4, 8]) table.set(rif, rif);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 90].map((x) => table.interpolate(x))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 8, 8]);
    expect(table.interpolate(0)).toBe(1);
    expect(table.interpolate(2.5)).toBe(2.5);
    table.set(200, 50);
    expect(table.interpolate(104)).toBeCloseTo(8 + (42 * 96) / 192, 12);
    table.clear();
    expect(table.interpolate(3)).toBeNaN();
  });

  it("keeps the latest latency at each RIF", () => {
    const table = new LatencyByRif();
    table.set(3, 10);
    table.set(3, 6);
    expect(table.interpolate(3)).toBe(6);
  });
});

describe("PidArray", () => {
  it("returns kp * error + ki * integral + kd * derivative per slot", () => {
    const pid = new PidArray(2, { kp: 1, ki: 0.5, kd: 2 });
    expect(pid.update(0, 40, 50)).toBe(10 + 5 + 20);
    expect(pid.update(0, 45, 50)).toBe(5 + 7.5 + -10);
    expect(pid.update(1, 50, 50)).toBe(0);
    pid.reset(0);
    expect(pid.update(0, 49, 50)).toBe(1 + 0.5 + 2);
  });
});

describe("IntDeque", () => {
  it("is FIFO at the back and takes values at the front, growing as needed", () => {
    const deque = new IntDeque(2);
    for (const value of [1, 2, 3]) deque.pushBack(value);
    deque.pushFront(0);
    expect(Array.from({ length: deque.length }, (_, index) => deque.at(index))).toEqual([0, 1, 2, 3]);
    expect([deque.popFront(), deque.popFront(), deque.length]).toEqual([0, 1, 2]);
  });
});

describe("arrivals", () => {
  it("draws round(rate * servers * ticks) requests (Python's half-to-even round) over the window", () => {
    const settings = { ...NOTEBOOK_DEFAULTS, requestsPerServerPerTick: 35 / 3, totalTicks: 170 };
    const counts = arrivalCounts(settings, createRandomStreams(1).arrivals);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(79333);
    expect(roundHalfEven(2.5)).toBe(2);
    expect(roundHalfEven(3.5)).toBe(4);
    expect(roundHalfEven(3.4)).toBe(3);
  });

  it("follows load steps: a tick's share is proportional to its multiplier", () => {
    const settings = { ...NOTEBOOK_DEFAULTS, totalTicks: 100, requestsPerServerPerTick: 50, loadSteps: [{ fromTick: 0, multiplier: 1 }, { fromTick: 50, multiplier: 3 }] };
    expect(Array.from(tickMultipliers(settings).subarray(48, 52))).toEqual([1, 1, 3, 3]);
    const counts = arrivalCounts(settings, createRandomStreams(2).arrivals);
    const first = counts.subarray(0, 50).reduce((sum, count) => sum + count, 0);
    const second = counts.subarray(50).reduce((sum, count) => sum + count, 0);
    expect(first + second).toBe(50 * 40 * (50 + 150));
    expect(second / first).toBeCloseTo(3, 1);
  });

  it("lets a ramp start late: no arrivals before the first step", () => {
    const settings = { ...NOTEBOOK_DEFAULTS, totalTicks: 10, loadSteps: [{ fromTick: 5, multiplier: 1 }] };
    const counts = arrivalCounts(settings, createRandomStreams(2).arrivals);
    expect(counts.subarray(0, 5).every((count) => count === 0)).toBe(true);
  });
});
