import { describe, expect, it } from "vitest";
import { parsePowerCsv, parseWemoLog } from "../../../../../controller/analysis/failover/power-files.js";
import { powerFixture } from "./support/fixtures.js";

describe("power files", () => {
  it("reads Flightplan's WeMo log: a timeout and the kW-scale nonsense become gaps", () => {
    const [plug] = parseWemoLog(powerFixture("constructed/wemo_power_log.out"), "wemo.out");
    expect(plug?.device).toBe("fpga-a");
    expect(plug?.samples.map((sample) => sample.powerW)).toEqual([25.325, 25.325, 25.325, 25.31, 25.31, 25.29, 25.29]);
    expect(plug?.samples[0]?.unixNs).toBe(1795383605118402123n);
    expect(plug?.gaps.map((gap) => gap.reason)).toEqual(["timeout", "implausible reading 6471.8 W (>= 1000 W)", "implausible reading 6471.8 W (>= 1000 W)"]);
  });

  it("keeps readings under a higher plausibility limit", () => {
    const [plug] = parseWemoLog(powerFixture("constructed/wemo_power_log.out"), "wemo.out", 10_000);
    expect(plug?.samples).toHaveLength(9);
  });

  it("reads the bench CSV: columns by header, an empty power_w is a gap with its note", () => {
    const csv = "device,at_unix_ns,power_w,note\nfpga0,1795383005000000000,27.2,\nfpga1,1795383005000000000,24.7,\nfpga0,1795383005100000000,,meter timeout\n";
    const series = parsePowerCsv(csv, "p.csv");
    expect(series.map((item) => [item.device, item.samples.length, item.gaps.length])).toEqual([["fpga0", 1, 1], ["fpga1", 1, 0]]);
    expect(series[0]?.gaps[0]).toEqual({ unixNs: 1795383005100000000n, reason: "meter timeout" });
  });

  it("names file and line for garbage", () => {
    expect(() => parsePowerCsv("time,watts\n1,2\n", "p.csv")).toThrow('p.csv:1: the header has no at_unix_ns column (expected at_unix_ns,device,power_w[,note]): "time,watts"');
    expect(() => parsePowerCsv("at_unix_ns,device,power_w\n1,fpga0,27.2\n2,fpga0,27 W\n", "p.csv")).toThrow('p.csv:3: power_w is not a number (leave it empty for a gap): "2,fpga0,27 W"');
    expect(() => parsePowerCsv("at_unix_ns,device,power_w\nsoon,fpga0,27\n", "p.csv")).toThrow("p.csv:2: expected an integer at_unix_ns and a device name");
    expect(() => parseWemoLog("2026-11-22 21:40:05 fpga-a: 25\n", "w.out")).toThrow("w.out:1: expected '<rfc-3339 time> <name> (<ip>): <watts>|timeout'");
  });
});
