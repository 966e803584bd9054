/** The agent's simulated traffic generator (agent/drivers/simulated-generator.ts) on its own. */
import { describe, expect, it } from "vitest";
import { directionsOf, SimulatedGenerator } from "../../agent/drivers/simulated-generator.js";
import { VirtualClock, type Clock } from "../../common/clock.js";
import { createDevice, parseDeviceSpec } from "../../common/devices/index.js";
import { systemClock } from "../../common/system-clock.js";

function generator(device: string, clock: Clock = new VirtualClock()): SimulatedGenerator {
  return new SimulatedGenerator({ device: createDevice(parseDeviceSpec(device)), clock });
}

describe("SimulatedGenerator", () => {
  it("takes the trial duration on its clock: none of it on a VirtualClock", async () => {
    const clock = new VirtualClock(100);
    const outcome = await generator("hard:mrr=1e6,noise=0", clock).runTrial({ durationS: 2, loadPps: 1000, frameSizeBytes: 64, ports: [0, 1], bidirectional: true });
    expect(clock.monotonicS()).toBe(102);
    expect(outcome).toEqual({
      directions: [
        { txPort: 0, rxPort: 1, intendedCount: 2000, txPackets: 2000, rxPackets: 2000 },
        { txPort: 1, rxPort: 0, intendedCount: 2000, txPackets: 2000, rxPackets: 2000 },
      ],
      offeredDurationS: 2,
      durationWithOverheadsS: 2,
    });
  });

  it("sleeps the trial duration on the system clock", async () => {
    const started = performance.now();
    const outcome = await generator("hard:mrr=1e6,noise=0", systemClock).runTrial({ durationS: 0.05, loadPps: 1000, frameSizeBytes: 64, ports: [0, 1], bidirectional: false });
    expect(performance.now() - started).toBeGreaterThanOrEqual(49);
    expect(outcome.offeredDurationS).toBeGreaterThanOrEqual(0.049);
    expect(outcome.directions).toHaveLength(1);
  });

  it("passes each direction through the device: loss above its capacity", async () => {
    const outcome = await generator("hard:mrr=1e6,noise=0").runTrial({ durationS: 1, loadPps: 4e6, frameSizeBytes: 64, ports: [0, 1], bidirectional: true });
    for (const direction of outcome.directions) {
      expect(direction.txPackets).toBe(4_000_000);
      expect(direction.rxPackets).toBeCloseTo(1_000_000, -3);
    }
  });

  it("rejects when aborted during the trial", async () => {
    const controller = new AbortController();
    const running = generator("hard:mrr=1e6", systemClock).runTrial({ durationS: 10, loadPps: 1000, frameSizeBytes: 64, ports: [0, 1], bidirectional: true }, controller.signal);
    controller.abort(new Error("session ended"));
    // common/system-clock.ts rejects with an AbortError rather than the signal's reason.
    await expect(running).rejects.toThrow(/session ended|aborted/);
  });
});

describe("directionsOf", () => {
  it("pairs ports as (tx, rx), adding the reverse when bidirectional", () => {
    expect(directionsOf([0, 1, 2, 3], false)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(directionsOf([0, 1], true)).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});
