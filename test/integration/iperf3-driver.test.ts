/**
 * The iperf3 driver against real iperf3 processes on 127.0.0.1 (short, bounded runs on free ports),
 * and fake iperf3 binaries for a missing binary, a crash, garbage and the 3.12 JSON error with exit 0.
 */
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Iperf3Driver, type IperfClientOptions, type IperfIntervalData, type IperfProcess, type IperfServerOptions } from "../../agent/drivers/iperf3/index.js";
import { systemClock } from "../../common/system-clock.js";
import { createWallClockNs } from "../../common/wire/wall-clock-ns.js";
import { createFakeBin, shellQuote, type FakeBin } from "../unit/agent/support/fake-bin.js";
import { iperfFixtureDir } from "../unit/agent/support/fixtures.js";
import { freePort } from "../unit/agent/support/free-port.js";

const wallClockNs = createWallClockNs(systemClock);
const driver = (binary = "iperf3") => new Iperf3Driver({ binary, clock: systemClock, wallClockNs, stopGraceS: 2, startTimeoutS: 5 });
const processes: IperfProcess[] = [];
let bin: FakeBin;

beforeAll(async () => {
  bin = await createFakeBin();
});
afterAll(() => bin.remove());
afterEach(async () => {
  for (const process of processes.splice(0)) {
    process.stop();
    await process.ended;
  }
});

function server(port: number, overrides: Partial<IperfServerOptions> = {}): IperfServerOptions {
  return { role: "server", port, bind: "127.0.0.1", intervalS: 0.1, output: "auto", oneOff: true, ...overrides };
}

function client(port: number, overrides: Partial<IperfClientOptions> = {}): IperfClientOptions {
  return {
    role: "client",
    host: "127.0.0.1",
    port,
    bind: undefined,
    intervalS: 0.1,
    output: "auto",
    protocol: "udp",
    bitrateBps: 10e6,
    lengthBytes: 1200,
    durationS: 1,
    parallel: 1,
    reverse: false,
    getServerOutput: false,
    omitS: 0,
    ...overrides,
  };
}

async function start(options: IperfServerOptions | IperfClientOptions, binary?: string) {
  const intervals: Array<{ interval: IperfIntervalData; atUnixNs: bigint }> = [];
  const process = await driver(binary).start(options, (interval, atUnixNs) => intervals.push({ interval, atUnixNs }), new AbortController().signal);
  processes.push(process);
  return { process, intervals };
}

describe("iperf3 on loopback", () => {
  it("streams a UDP server's receiver intervals live (text on 3.12) and both sides' totals", async () => {
    const version = await driver().probeVersion();
    const port = await freePort();
    const srv = await start(server(port));
    const cli = await start(client(port));
    const [clientEnd, serverEnd] = await Promise.all([cli.process.ended, srv.process.ended]);
    expect(clientEnd).toMatchObject({ reason: "done", report: { version: version.text, exitCode: 0 } });
    expect(serverEnd.reason).toBe("done");
    expect(srv.intervals.length).toBeGreaterThanOrEqual(9);
    expect(srv.intervals.every(({ interval }) => !interval.sender && interval.packets > 0)).toBe(true);
    const stamps = srv.intervals.map(({ atUnixNs }) => atUnixNs);
    expect(stamps.every((stamp, index) => stamp > 0n && (index === 0 || stamp >= stamps[index - 1]!))).toBe(true);
    // Live: the first and last interval were read about the test's length apart, not all at the end.
    expect(Number(stamps.at(-1)! - stamps[0]!) / 1e9).toBeGreaterThan(0.5);
    expect(cli.intervals.every(({ interval }) => interval.sender)).toBe(true);
    expect(clientEnd.report.totals.received?.packets).toBeGreaterThan(0);
    expect(serverEnd.report.totals.received?.packets).toBe(clientEnd.report.totals.received?.packets);
  });

  it("runs a TCP client in JSON mode with parallel streams and collects the server's output", async () => {
    const port = await freePort();
    await start(server(port));
    const cli = await start(client(port, { protocol: "tcp", bitrateBps: 50e6, lengthBytes: undefined, parallel: 2, output: "json", getServerOutput: true }));
    const outcome = await cli.process.ended;
    expect(outcome.reason).toBe("done");
    expect(outcome.report.outputMode).toBe("json");
    const result = JSON.parse(outcome.report.resultJson) as { start: { test_start: { num_streams: number } }; intervals: unknown[] };
    expect(result.start.test_start.num_streams).toBe(2);
    expect(cli.intervals).toHaveLength(result.intervals.length);
    expect(cli.intervals.every(({ atUnixNs }) => atUnixNs === 0n)).toBe(true);
    expect(cli.intervals[0]?.interval.rttMs).toBeGreaterThan(0);
    expect(outcome.report.serverOutputText).toMatch(/Accepted connection from 127\.0\.0\.1/);
  });

  it("refuses a second server on a taken port with IPERF_PORT_IN_USE", async () => {
    const port = await freePort();
    await start(server(port, { oneOff: false }));
    await expect(start(server(port))).rejects.toMatchObject({ code: "IPERF_PORT_IN_USE", context: { port } });
    await expect(start(server(port, { output: "json" }))).rejects.toMatchObject({ code: "IPERF_PORT_IN_USE" });
  });

  it("stops a persistent server: SIGINT, reason stopped", async () => {
    const port = await freePort();
    const srv = await start(server(port, { oneOff: false, output: "json" }));
    srv.process.stop();
    expect(await srv.process.ended).toMatchObject({ reason: "stopped" });
  });

  it("fails to start a client with nobody listening, quoting iperf3 (text mode)", async () => {
    const port = await freePort();
    await expect(start(client(port, { output: "text" }))).rejects.toMatchObject({ code: "IPERF_FAILED", message: expect.stringContaining("unable to connect to server") });
  });
});

describe("iperf3 failure modes with fake binaries", () => {
  const version = 'if [ "$1" = "--version" ]; then echo "iperf 3.12 (cJSON 1.7.15)"; exit 0; fi';

  it("names a missing binary IPERF_NOT_FOUND", async () => {
    await expect(start(server(5201), path.join(bin.dir, "no-iperf3"))).rejects.toMatchObject({ code: "IPERF_NOT_FOUND" });
  });

  it("names a binary that is not iperf3 IPERF_OUTPUT_INVALID", async () => {
    const fake = await bin.add("not-iperf3", "echo 'hello'");
    await expect(start(server(5201), fake)).rejects.toMatchObject({ code: "IPERF_OUTPUT_INVALID" });
  });

  it("names a crash IPERF_CRASHED", async () => {
    const fake = await bin.add("iperf3-crash", `${version}\nkill -SEGV $$`);
    await expect(start(server(5201), fake)).rejects.toMatchObject({ code: "IPERF_CRASHED", context: { signal: "SIGSEGV" } });
  });

  it("names garbage IPERF_OUTPUT_INVALID", async () => {
    const fake = await bin.add("iperf3-garbage", `${version}\necho '%%%% not iperf output'\nexit 0`);
    await expect(start(client(5201, { output: "text" }), fake)).rejects.toMatchObject({ code: "IPERF_OUTPUT_INVALID", message: expect.stringContaining("not iperf output") });
  });

  it("fails on the JSON error key although the exit code is 0 (3.12), skipping a stray line", async () => {
    const fixture = path.join(iperfFixtureDir, "tcp_client_error_connection_refused.json");
    const fake = await bin.add("iperf3-json-error", `${version}\necho 'warning: stray'\ncat ${shellQuote(fixture)}\nexit 0`);
    const cli = await start(client(5201, { output: "json" }), fake);
    const outcome = await cli.process.ended;
    expect(outcome).toMatchObject({ reason: "failed", error: { code: "IPERF_FAILED" }, report: { exitCode: 0, error: "unable to connect to server: Connection refused" } });
    expect(outcome.report.warnings).toContain("skipped a line before the JSON: warning: stray");
  });
});
