import { describe, expect, it } from "vitest";
import { classifyEnd, type ProcessEnd } from "../../../../../agent/drivers/iperf3/iperf-outcome.js";
import { chooseOutputMode, parseIperfVersion } from "../../../../../agent/drivers/iperf3/iperf-version.js";
import { iperfArgv } from "../../../../../agent/drivers/iperf3/iperf-argv.js";
import type { IperfClientOptions, IperfServerOptions, ParsedOutput } from "../../../../../agent/drivers/iperf3/index.js";

const server: IperfServerOptions = { role: "server", port: 5301, bind: "127.0.0.1", intervalS: 0.1, output: "auto", oneOff: true };
const client: IperfClientOptions = {
  role: "client",
  host: "127.0.0.1",
  port: 5301,
  bind: undefined,
  intervalS: 0.1,
  output: "auto",
  protocol: "udp",
  bitrateBps: 20e6,
  lengthBytes: 1200,
  durationS: 3,
  parallel: 2,
  reverse: true,
  getServerOutput: true,
  omitS: 0,
};

function parsed(overrides: Partial<ParsedOutput> = {}): ParsedOutput {
  return { totals: { sent: undefined, received: undefined }, error: undefined, serverOutputText: undefined, serverOutputJson: undefined, resultJson: undefined, warnings: [], recognized: true, ...overrides };
}

function end(overrides: Partial<ProcessEnd> = {}): ProcessEnd {
  return { exitCode: 0, signal: undefined, stoppedByAgent: false, stderrError: undefined, stderrExcerpt: "", stdoutExcerpt: "", ...overrides };
}

describe("classifyEnd", () => {
  it("is done after a clean exit", () => {
    expect(classifyEnd(client, parsed(), end())).toEqual({ reason: "done" });
  });

  it("fails on the JSON error key even with exit code 0", () => {
    const outcome = classifyEnd(client, parsed({ error: "unable to connect to server: Connection refused" }), end());
    expect(outcome.reason).toBe("failed");
    expect(outcome.error).toMatchObject({ code: "IPERF_FAILED", context: { iperfError: "unable to connect to server: Connection refused" } });
    expect(outcome.error?.message).toContain("iperf3 client to 127.0.0.1:5301 failed: unable to connect to server");
  });

  it("names a taken port IPERF_PORT_IN_USE, from stderr too", () => {
    const outcome = classifyEnd(server, parsed({ recognized: false }), end({ exitCode: 1, stderrError: "unable to start listener for connections: Address already in use" }));
    expect(outcome.error).toMatchObject({ code: "IPERF_PORT_IN_USE", context: { port: 5301 } });
  });

  it("calls a signal the agent did not send a crash", () => {
    expect(classifyEnd(server, parsed(), end({ exitCode: undefined, signal: "SIGSEGV" })).error).toMatchObject({ code: "IPERF_CRASHED", context: { signal: "SIGSEGV" } });
  });

  it("is stopped, not failed, after the agent's SIGINT (iperf3 says interrupt and exits 1)", () => {
    expect(classifyEnd(server, parsed({ error: "interrupt - the server has terminated" }), end({ exitCode: 1, stoppedByAgent: true }))).toEqual({ reason: "stopped" });
  });

  it("calls output with nothing iperf3 would print invalid", () => {
    const outcome = classifyEnd(client, parsed({ recognized: false }), end({ stdoutExcerpt: "garbage" }));
    expect(outcome.error).toMatchObject({ code: "IPERF_OUTPUT_INVALID" });
    expect(outcome.error?.message).toContain('"garbage"');
  });
});

describe("versions and argv", () => {
  it("reads the version and whether --json-stream exists", () => {
    expect(parseIperfVersion("iperf 3.12 (cJSON 1.7.15)\nLinux vm")).toEqual({ text: "3.12", major: 3, minor: 12, jsonStream: false });
    expect(parseIperfVersion("iperf 3.17.1 (cJSON 1.7.15)")).toMatchObject({ text: "3.17.1", jsonStream: true });
    expect(parseIperfVersion("not iperf")).toBeUndefined();
  });

  it("chooses text on 3.12 and json-stream on 3.17+, and refuses json-stream on 3.12", () => {
    const old = parseIperfVersion("iperf 3.12")!;
    expect(chooseOutputMode("auto", old, "iperf3")).toBe("text");
    expect(chooseOutputMode("auto", parseIperfVersion("iperf 3.21")!, "iperf3")).toBe("json-stream");
    expect(() => chooseOutputMode("json-stream", old, "iperf3")).toThrow(expect.objectContaining({ code: "IPERF_FAILED" }));
  });

  it("builds argv without a shell, one value per argument", () => {
    expect(iperfArgv(server, "text")).toEqual(["-s", "-p", "5301", "-i", "0.1", "-1", "-B", "127.0.0.1", "--forceflush"]);
    expect(iperfArgv(client, "json")).toEqual(["-c", "127.0.0.1", "-p", "5301", "-i", "0.1", "-t", "3", "-u", "-b", "20000000", "-l", "1200", "-P", "2", "-R", "--get-server-output", "-J"]);
    expect(iperfArgv({ ...client, protocol: "tcp", bitrateBps: undefined, lengthBytes: undefined, parallel: 1, reverse: false, getServerOutput: false }, "json-stream")).toEqual([
      "-c", "127.0.0.1", "-p", "5301", "-i", "0.1", "-t", "3", "--json-stream", "--forceflush",
    ]);
  });
});
