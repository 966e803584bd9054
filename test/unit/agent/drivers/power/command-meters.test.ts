import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IpmiMeter } from "../../../../../agent/drivers/power/ipmi-meter.js";
import { parseDcmiPowerW } from "../../../../../agent/drivers/power/ipmi-dcmi-parse.js";
import { RegexMeter } from "../../../../../agent/drivers/power/regex-meter.js";
import { XrtMeter } from "../../../../../agent/drivers/power/xrt-meter.js";
import { parseXrtElectrical } from "../../../../../agent/drivers/power/xrt-parse.js";
import { createFakeBin, shellQuote, type FakeBin } from "../../support/fake-bin.js";
import { powerFixture, powerFixtureDir } from "../../support/fixtures.js";

const signal = new AbortController().signal;
let bin: FakeBin;

/** A fake command that replays a real_no_hardware capture: its stdout, stderr and exit status. */
async function replay(name: string, base: string): Promise<string> {
  const dir = path.join(powerFixtureDir, "real_no_hardware");
  const rc = powerFixture(`real_no_hardware/${base}.rc`).trim();
  return bin.add(name, `cat ${shellQuote(path.join(dir, `${base}.stdout`))}\ncat ${shellQuote(path.join(dir, `${base}.stderr`))} >&2\nexit ${rc}`);
}

beforeAll(async () => {
  bin = await createFakeBin();
});
afterAll(async () => {
  await bin.remove();
});

describe("IPMI DCMI", () => {
  it("parses ipmitool's and freeipmi's readings", () => {
    expect(parseDcmiPowerW("bmc", powerFixture("constructed/ipmitool_dcmi_power_reading.txt"))).toBe(187);
    expect(parseDcmiPowerW("bmc", powerFixture("constructed/ipmi-dcmi_get-system-power-statistics.txt"))).toBe(187);
  });

  it("refuses a reading the BMC marks not available, and garbage", () => {
    expect(() => parseDcmiPowerW("bmc", powerFixture("constructed/ipmi-dcmi_get-system-power-statistics_not_available.txt"))).toThrow(
      expect.objectContaining({ code: "METER_READING_UNAVAILABLE" }),
    );
    const deactivated = powerFixture("constructed/ipmitool_dcmi_power_reading.txt").replace("activated", "deactivated");
    expect(() => parseDcmiPowerW("bmc", deactivated)).toThrow(expect.objectContaining({ code: "METER_READING_UNAVAILABLE" }));
    expect(() => parseDcmiPowerW("bmc", "{\n\n}")).toThrow(expect.objectContaining({ code: "METER_OUTPUT_INVALID" }));
  });

  it("runs the configured command: a fake ipmitool printing the fixture", async () => {
    const file = await bin.add("ipmitool-ok", `cat ${shellQuote(path.join(powerFixtureDir, "constructed/ipmitool_dcmi_power_reading.txt"))}`);
    const meter = new IpmiMeter({ name: "bmc", command: [file, "dcmi", "power", "reading"], channel: "system", timeoutS: 5 });
    await meter.open(signal);
    expect(await meter.read(signal)).toEqual([{ channel: "system", powerW: 187 }]);
  });

  it.each([
    ["ipmitool_dcmi_power_reading_no_bmc", "Could not open device at /dev/ipmi0"],
    ["ipmitool_lanplus_unreachable", "Unable to establish IPMI v2 / RMCP+ session"],
    ["ipmi-dcmi_get-system-power-statistics_no_bmc", "could not find inband device"],
  ])("turns the real failure %s into METER_READ_FAILED quoting the tool", async (base, quoted) => {
    const file = await replay(`${base}-fake`, base);
    const meter = new IpmiMeter({ name: "bmc", command: [file], channel: "system", timeoutS: 5 });
    const failure = meter.open(signal);
    await expect(failure).rejects.toMatchObject({ code: "METER_READ_FAILED", context: { meter: "bmc", exitCode: 1 } });
    await expect(failure).rejects.toThrow(quoted);
  });

  it("names a missing command METER_NOT_FOUND and a hung one METER_TIMEOUT", async () => {
    await expect(new IpmiMeter({ name: "bmc", command: [path.join(bin.dir, "no-such-ipmitool")], channel: "s", timeoutS: 5 }).open(signal)).rejects.toMatchObject({ code: "METER_NOT_FOUND" });
    const hung = await bin.add("ipmitool-hung", "exec sleep 10");
    await expect(new IpmiMeter({ name: "bmc", command: [hung], channel: "s", timeoutS: 0.2 }).read(signal)).rejects.toMatchObject({ code: "METER_TIMEOUT" });
  });
});

describe("Xilinx XRT", () => {
  it("parses the fixture report: board power per device, V x I per present rail", () => {
    const text = powerFixture("constructed/xbutil_examine_electrical.json");
    expect(parseXrtElectrical("u250", text, false)).toEqual([{ channel: "0000:b3:00.1", powerW: 24.917442 }]);
    const readings = parseXrtElectrical("u250", text, true);
    expect(readings.map((reading) => reading.channel)).toEqual(["0000:b3:00.1", "0000:b3:00.1.12v_pex", "0000:b3:00.1.vccint"]);
    expect(readings[1]?.powerW).toBeCloseTo(12.103 * 1.714, 9);
  });

  it("runs a fake xbutil that writes the fixture to its -o file", async () => {
    const fixture = path.join(powerFixtureDir, "constructed/xbutil_examine_electrical.json");
    const xbutil = await bin.add("xbutil", `while [ $# -gt 0 ]; do if [ "$1" = "-o" ]; then cp ${shellQuote(fixture)} "$2"; fi; shift; done`);
    const meter = new XrtMeter({ name: "u250", binary: xbutil, device: "0000:b3:00.1", rails: false, timeoutS: 5 });
    await meter.open(signal);
    expect(await meter.read(signal)).toEqual([{ channel: "0000:b3:00.1", powerW: 24.917442 }]);
    await meter.close();
  });

  it("calls a report that is not JSON, or an xbutil that writes none, METER_OUTPUT_INVALID", async () => {
    expect(() => parseXrtElectrical("u250", powerFixture("constructed/xbutil_examine_electrical.txt"), false)).toThrow(expect.objectContaining({ code: "METER_OUTPUT_INVALID" }));
    const silent = await bin.add("xbutil-silent", "exit 0");
    await expect(new XrtMeter({ name: "u250", binary: silent, device: undefined, rails: false, timeoutS: 5 }).open(signal)).rejects.toMatchObject({ code: "METER_OUTPUT_INVALID" });
  });
});

describe("RegexMeter", () => {
  it("takes the named group (or the first), scaled", async () => {
    const wemo = await bin.add("wemo", "echo '2026-11-22 21:40:05.1+00:00 fpga12/1 (10.0.0.5): 41250'");
    const meter = new RegexMeter({ name: "plug", command: [wemo], pattern: /\): (?<powerW>\d+)$/m, scale: 0.001, channel: "fpga12/1", timeoutS: 5 });
    expect(await meter.read(signal)).toEqual([{ channel: "fpga12/1", powerW: 41.25 }]);
  });

  it("calls output without a number METER_OUTPUT_INVALID, quoting it", async () => {
    const timeout = await bin.add("wemo-timeout", "echo 'fpga12/1 (10.0.0.5): timeout'");
    const meter = new RegexMeter({ name: "plug", command: [timeout], pattern: /\): (\S+)$/m, scale: 1, channel: "p", timeoutS: 5 });
    await expect(meter.read(signal)).rejects.toMatchObject({ code: "METER_OUTPUT_INVALID", message: expect.stringContaining('captured "timeout"') });
  });
});
