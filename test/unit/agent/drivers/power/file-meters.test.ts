import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../../common/clock.js";
import { EnergyCounter } from "../../../../../agent/drivers/power/energy-counter.js";
import { HwmonMeter } from "../../../../../agent/drivers/power/hwmon-meter.js";
import { RaplMeter } from "../../../../../agent/drivers/power/rapl-meter.js";
import { fixtureSysfsRoot, powerFixture } from "../../support/fixtures.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function sysfsCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "sysfs-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(fixtureSysfsRoot, dir, { recursive: true });
  return dir;
}

describe("EnergyCounter", () => {
  it("turns the fixture's RAPL samples into a steady 85.15 W across the wrap", () => {
    const rows = powerFixture("constructed/rapl_energy_uj_samples_with_wrap.csv").trim().split("\n").slice(1);
    const counter = new EnergyCounter(262143328850);
    const powers = rows.map((row) => {
      const [t, e] = row.split(",").map(Number);
      return counter.update(e!, t!);
    });
    expect(powers[0]).toBeUndefined();
    for (const powerW of powers.slice(1)) expect(powerW).toBeCloseTo(85.15, 6);
  });

  it("starts a new baseline when a counter without a known range goes backwards", () => {
    const counter = new EnergyCounter();
    counter.update(5_000_000, 0);
    expect(counter.update(1_000_000, 1)).toBeUndefined();
    expect(counter.update(3_000_000, 2)).toBe(2);
  });
});

describe("HwmonMeter on the fixture sysfs tree", () => {
  it("finds the N3000 BMC by its name and reads Board Power in watts (µW / 1e6)", async () => {
    const meter = new HwmonMeter({ name: "fpga0", sysfsRoot: fixtureSysfsRoot, device: "n3000bmc_hwmon", channels: undefined, clock: new VirtualClock() });
    await meter.open();
    expect(await meter.read()).toEqual([{ channel: "Board Power", powerW: 69.24 }]);
  });

  it("reads power1_average by folder name, and energy1_input as watts from deltas", async () => {
    const root = await sysfsCopy();
    const clock = new VirtualClock();
    const meter = new HwmonMeter({ name: "pm", sysfsRoot: root, device: "hwmon5", channels: ["power1_average", "energy1_input"], clock });
    await meter.open();
    clock.advance(0.5);
    await writeFile(path.join(root, "class/hwmon/hwmon5/energy1_input"), String(1234567890123 + 93_500_000));
    expect(await meter.read()).toEqual([
      { channel: "power1", powerW: 187 },
      { channel: "energy1", powerW: 187 },
    ]);
  });

  it("fails with METER_NOT_FOUND naming what is missing", async () => {
    const missingDevice = new HwmonMeter({ name: "x", sysfsRoot: fixtureSysfsRoot, device: "nope", channels: undefined, clock: new VirtualClock() });
    await expect(missingDevice.open()).rejects.toMatchObject({ code: "METER_NOT_FOUND", message: expect.stringContaining("no hwmon device named nope") });
    const missingRoot = new HwmonMeter({ name: "x", sysfsRoot: "/nonexistent/sys", device: "hwmon3", channels: undefined, clock: new VirtualClock() });
    await expect(missingRoot.open()).rejects.toMatchObject({ code: "METER_NOT_FOUND" });
    const missingChannel = new HwmonMeter({ name: "x", sysfsRoot: fixtureSysfsRoot, device: "hwmon3", channels: ["power2_input"], clock: new VirtualClock() });
    await expect(missingChannel.open()).rejects.toMatchObject({ code: "METER_NOT_FOUND", message: expect.stringContaining("power2_input does not exist") });
  });

  it("calls garbage in an attribute METER_OUTPUT_INVALID, and a file gone mid-stream METER_NOT_FOUND", async () => {
    const root = await sysfsCopy();
    const meter = new HwmonMeter({ name: "fpga0", sysfsRoot: root, device: "n3000bmc_hwmon", channels: undefined, clock: new VirtualClock() });
    await meter.open();
    await writeFile(path.join(root, "class/hwmon/hwmon3/power1_input"), "garbage\n");
    await expect(meter.read()).rejects.toMatchObject({ code: "METER_OUTPUT_INVALID", context: { meter: "fpga0" } });
    await rm(path.join(root, "class/hwmon/hwmon3/power1_input"));
    await expect(meter.read()).rejects.toMatchObject({ code: "METER_NOT_FOUND" });
  });
});

describe("RaplMeter on the fixture sysfs tree", () => {
  it("finds a zone by name (nested subzone too) and computes watts across the wrap", async () => {
    const root = await sysfsCopy();
    const clock = new VirtualClock();
    const meter = new RaplMeter({ name: "cpu", sysfsRoot: root, zone: "package-0", clock });
    await meter.open();
    clock.advance(0.1);
    await writeFile(path.join(root, "class/powercap/intel-rapl:0/energy_uj"), "5515000");
    const [reading] = await meter.read();
    expect(reading?.channel).toBe("package-0");
    expect(reading?.powerW).toBeCloseTo((5515000 + 262143328850 - 262140328850) / 1e6 / 0.1, 6);
    const core = new RaplMeter({ name: "core", sysfsRoot: root, zone: "core", clock });
    await core.open();
    expect(await core.read()).toEqual([]);
  });

  it("fails with METER_NOT_FOUND for an unknown zone", async () => {
    await expect(new RaplMeter({ name: "cpu", sysfsRoot: fixtureSysfsRoot, zone: "dram", clock: new VirtualClock() }).open()).rejects.toMatchObject({ code: "METER_NOT_FOUND" });
  });
});
