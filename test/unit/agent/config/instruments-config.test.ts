import { describe, expect, it } from "vitest";
import { parseAgentConfig } from "../../../../agent/config/load-agent-config.js";

const noTokenFile = (): Promise<string> => Promise.reject(new Error("no token files in this test"));
const head = "token: s3cret-token-0123456789\ngenerator: {kind: simulated, device: \"hard:mrr=1e6\"}\n";

function parse(body: string) {
  return parseAgentConfig(head + body, "agent.yaml", noTokenFile);
}

const full = `meters:
  - name: fpga0
    kind: hwmon
    intervalMs: 1
    options: {device: n3000bmc_hwmon, sysfsRoot: /fixtures/sysfs}
  - name: cpu
    kind: rapl
    options: {zone: package-0}
  - name: bmc
    kind: ipmi
    intervalMs: 1000
  - name: u250
    kind: xrt
    options: {device: "0000:b3:00.1", rails: true}
  - name: plug
    kind: command
    options: {command: [wemo, get], pattern: "\\\\): ([0-9]+)", scale: 0.001}
  - name: sim
    kind: simulated
    intervalMs: 10
    options:
      levels: [{atS: 0, powerW: 60}, {atS: 20, powerW: 25}]
      noiseW: 0.5
      seed: 7
      outages: [{fromS: 5, toS: 6}]
actions:
  - name: failover
    command: [/usr/local/bin/failover, --poll-ms, "{pollMs}", "--to={target}"]
    params:
      pollMs: {type: integer, min: 1, max: 1000, default: 10}
      target: {type: enum, values: [primary, backup]}
    timeoutS: 20
  - name: notify
    http:
      url: "http://127.0.0.1:9000/failover/{target}"
      json: {pollMs: "{pollMs}"}
    params:
      pollMs: {type: number}
      target: {type: string, pattern: "[a-z]+"}
iperf3: {}
`;

describe("agent.yaml meters, actions and iperf3", () => {
  it("reads every meter kind, both action kinds and the iperf3 defaults", async () => {
    const config = await parse(full);
    expect(config.meters?.map((meter) => [meter.name, meter.kind, meter.intervalMs])).toEqual([
      ["fpga0", "hwmon", 1],
      ["cpu", "rapl", 1000],
      ["bmc", "ipmi", 1000],
      ["u250", "xrt", 1000],
      ["plug", "command", 1000],
      ["sim", "simulated", 10],
    ]);
    expect(config.meters?.[2]).toMatchObject({ command: ["ipmitool", "dcmi", "power", "reading"], channel: "system", timeoutS: 5 });
    expect(config.meters?.[5]).toMatchObject({ channel: "sim", trace: { levels: [{ atS: 0, powerW: 60 }, { atS: 20, powerW: 25 }], noiseW: 0.5, seed: 7, rampS: 0 } });
    expect(config.actions?.map((action) => [action.name, action.kind, Object.keys(action.params)])).toEqual([
      ["failover", "command", ["pollMs", "target"]],
      ["notify", "http", ["pollMs", "target"]],
    ]);
    expect(config.actions?.[0]).toMatchObject({ timeoutS: 20, params: { pollMs: { type: "number", integer: true, default: 10 } } });
    expect(config.iperf3).toEqual({ binary: "iperf3", stopGraceS: 2, startTimeoutS: 10 });
  });

  it("has no meters, actions or iperf3 unless the file names them", async () => {
    expect(await parse("")).toMatchObject({ meters: [], actions: [], iperf3: undefined });
    expect((await parse("iperf3:\n")).iperf3).toMatchObject({ binary: "iperf3" });
  });

  it.each([
    ["meters:\n  - name: a\n    kind: hwmon\n    intervalMs: 0.5\n    options: {device: x}\n", 6, "meters[0].intervalMs must be a number in [1, 3600000] ms, got 0.5"],
    ["meters:\n  - name: a\n    kind: ipmi\n    intervalMs: 10\n", 6, "meters[0].intervalMs must be a number in [50, 3600000] ms"],
    ["meters:\n  - name: a\n    kind: thermometer\n", 5, 'meters[0].kind must be one of hwmon, rapl, ipmi, xrt, command, simulated, got "thermometer"'],
    ["meters:\n  - name: a\n    kind: hwmon\n", 4, "meters[0].options is required"],
    ["meters:\n  - name: a\n    kind: command\n    options: {command: [x], pattern: \"[0-9]+\"}\n", 6, "meters[0].options.pattern must capture the number"],
    ["meters:\n  - {name: a, kind: simulated, options: {levels: [{atS: 5, powerW: 1}, {atS: 1, powerW: 2}]}}\n  - {name: a, kind: simulated, options: {levels: [{atS: 0, powerW: 1}]}}\n", 4, "levels[1].atS must be later"],
    ["meters:\n  - {name: a, kind: simulated, options: {levels: [{atS: 0, powerW: 1}]}}\n  - {name: a, kind: simulated, options: {levels: [{atS: 0, powerW: 1}]}}\n", 5, 'meters[1].name repeats the meter name "a"'],
    ["actions:\n  - name: x\n    command: [/bin/echo, \"{missing}\"]\n", 5, "actions[0].command uses {missing}, which params does not declare"],
    ["actions:\n  - name: x\n    command: [/bin/echo]\n    params:\n      p: {type: integer}\n", 7, "actions[0].params.p is declared but no {p} placeholder uses it"],
    ["actions:\n  - name: x\n    command: [\"{p}\"]\n    params:\n      p: {type: string}\n", 5, "argv[0] cannot hold a placeholder"],
    ["actions:\n  - name: x\n    command: [/bin/echo, \"{p\"]\n", 5, "malformed placeholder"],
    ["actions:\n  - name: x\n    http: {url: \"ftp://host/\"}\n", 5, "actions[0].http.url must be an http:// or https:// URL"],
    ["actions:\n  - name: x\n    command: [/bin/echo, \"{p}\"]\n    params:\n      p: {type: enum, values: [a], default: b}\n", 7, "actions[0].params.p.default must be one of a"],
    ["actions:\n  - name: x\n", 4, "actions[0].command or http is required"],
    ["iperf3: {binary: iperf3, startTimeout: 3}\n", 3, "iperf3.startTimeout is not a known key (known keys: binary, stopGraceS, startTimeoutS)"],
  ])("refuses %j at line %i", async (body, line, message) => {
    const failure = parse(body);
    await expect(failure).rejects.toMatchObject({ code: "AGENT_CONFIG_INVALID", context: { line } });
    await expect(failure).rejects.toThrow(message);
  });
});
