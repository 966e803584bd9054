import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../../common/clock.js";
import { TraceSampler, traceLevelW, type PowerTrace } from "../../../../../agent/drivers/power/power-trace.js";
import { SimulatedMeter } from "../../../../../agent/drivers/power/simulated-meter.js";

const trace: PowerTrace = { levels: [{ atS: 0, powerW: 100 }, { atS: 10, powerW: 40 }, { atS: 20, powerW: 140 }], rampS: 0, noiseW: 0, seed: 1, outages: [{ fromS: 5, toS: 6 }] };

describe("power trace", () => {
  it("steps between levels at their times, or ramps over rampS", () => {
    expect([0, 9.99, 10, 19, 25].map((t) => traceLevelW(trace, t))).toEqual([100, 100, 40, 40, 140]);
    const ramped = { ...trace, rampS: 2 };
    expect(traceLevelW(ramped, 11)).toBe(70);
    expect(traceLevelW(ramped, 12)).toBe(40);
  });

  it("adds seeded noise: the same seed gives the same draws", () => {
    const noisy = { ...trace, noiseW: 5, seed: 42 };
    const a = new TraceSampler(noisy);
    const b = new TraceSampler(noisy);
    const drawsA = [1, 2, 3].map((t) => a.powerW(t));
    expect([1, 2, 3].map((t) => b.powerW(t))).toEqual(drawsA);
    expect(new Set(drawsA).size).toBe(3);
    expect(new TraceSampler({ ...noisy, seed: 43 }).powerW(1)).not.toBe(drawsA[0]);
  });
});

describe("SimulatedMeter", () => {
  it("follows the trace from its open() time and fails reads inside an outage", async () => {
    const clock = new VirtualClock(100);
    const meter = new SimulatedMeter({ name: "sim", channel: "fpga0", trace, clock });
    await meter.open();
    clock.advance(10.5);
    expect(await meter.read()).toEqual([{ channel: "fpga0", powerW: 40 }]);
  });

  it("reports a simulated outage as METER_READ_FAILED", async () => {
    const clock = new VirtualClock();
    const meter = new SimulatedMeter({ name: "sim", channel: "fpga0", trace, clock });
    await meter.open();
    clock.advance(5.5);
    await expect(meter.read()).rejects.toMatchObject({ code: "METER_READ_FAILED", message: expect.stringContaining("simulated outage") });
  });
});
