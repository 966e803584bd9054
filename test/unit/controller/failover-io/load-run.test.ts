import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeRun } from "../../../../controller/analysis/failover/index.js";
import { loadFailoverRun, runLayout } from "../../../../controller/failover-io/index.js";
import { sharedDir } from "../../../helpers/paths.js";

const fixtureRun = path.join(sharedDir, "fixtures/iperf3/failover_run");
const made: string[] = [];

function readFile(file: string): string {
  return readFileSync(file, "utf8");
}

/** A writable copy of the recorded UDP run (the fixture files are read-only) that a test may change. */
function copyOfRun(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "failover-run-"));
  made.push(dir);
  for (const entry of readdirSync(fixtureRun, { recursive: true, withFileTypes: true })) {
    const relative = path.relative(fixtureRun, path.join(entry.parentPath, entry.name));
    if (entry.isDirectory()) continue;
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), readFile(path.join(fixtureRun, relative)));
  }
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("runLayout", () => {
  it("finds the timeline and pairs server and client captures by index", () => {
    const layout = runLayout(fixtureRun);
    expect(layout.eventLogJson).toBe(path.join(fixtureRun, "event_log.json"));
    expect(layout.sessions.map((session) => [session.id, path.basename(session.serverText ?? ""), path.basename(session.clientJson ?? ""), session.serverJson])).toEqual([
      ["0", "server_0.out", "client_0.json", null],
      ["1", "server_1.out", "client_1.json", null],
    ]);
    expect(layout.powerCsv).toEqual([]);
  });
});

describe("loadFailoverRun", () => {
  it("falls back to events.tsv and gets the same axis", () => {
    const dir = copyOfRun();
    rmSync(path.join(dir, "event_log.json"));
    const run = loadFailoverRun(dir);
    expect(run.events.map((event) => event.name)).toEqual(["iperf_server", "iperf_client", "fail_link", "failover", "done"]);
    expect(analyzeRun(run).recovery.recoveryS).toBe(0.5);
  });

  it("applies the server host's clock offset: a server clock 40 ms fast moves its sessions 40 ms earlier", () => {
    const plain = loadFailoverRun(fixtureRun);
    const shifted = loadFailoverRun(fixtureRun, { clockOffsetsNs: { ipfb: 40_000_000 } });
    expect((plain.sessions[0]?.received[0]?.startNs ?? 0) - (shifted.sessions[0]?.received[0]?.startNs ?? 0)).toBe(40_000_000);
    expect(shifted.events).toEqual(plain.events);
  });

  it("reads power captures from power/: the bench CSV and WeMo logs, on the power host's clock", () => {
    const dir = copyOfRun();
    mkdirSync(path.join(dir, "power"));
    const originNs = 1795383005227546000n;
    const rows = [0, 1, 2, 3].map((second) => `${originNs + BigInt(second) * 1_000_000_000n},fpga12/1,${27.2 - (second >= 2 ? 0.1 : 0)}`);
    writeFileSync(path.join(dir, "power", "meters.csv"), ["at_unix_ns,device,power_w,note", ...rows, `${originNs + 500_000_000n},fpga12/1,,timeout`].join("\n"));
    writeFileSync(path.join(dir, "power", "plug.log"), "2026-11-22 21:30:06.000000000+00:00 tofino (192.168.50.9): 300.5\n");
    const run = loadFailoverRun(dir, { powerHost: "meters", clockOffsetsNs: { meters: 1_000_000 } });
    expect(run.power.map((stream) => [stream.device, stream.samples.length, stream.gaps.length])).toEqual([["fpga12/1", 4, 1], ["tofino", 1, 0]]);
    expect(run.power[0]?.samples[0]?.atNs).toBe(-1_000_000);
    expect(analyzeRun(run).power[0]?.epochs.find((epoch) => epoch.index === 1)?.meanPowerW).toBeCloseTo(27.1, 9);
  });

  it("keeps going past a stray line before a client's JSON, with a warning", () => {
    const dir = copyOfRun();
    const client = path.join(dir, "iperf", "client_1.json");
    writeFileSync(client, `warning: UDP block size 2000 exceeds TCP MSS 1448, may result in fragmentation / drops\n${readFile(path.join(fixtureRun, "iperf", "client_1.json"))}`);
    const run = loadFailoverRun(dir);
    expect(run.warnings).toEqual([`${client}: dropped 1 line(s) before the JSON: "warning: UDP block size 2000 exceeds TCP MSS 1448, may result in fragmentation / drops"`]);
  });

  it("names the file and line of a garbled capture", () => {
    const dir = copyOfRun();
    const server = path.join(dir, "iperf", "server_0.out");
    writeFileSync(server, readFile(server).replace("0.50-0.60   sec   245 KBytes", "0.50-0.60   sec   2#5 KBytes"));
    expect(() => loadFailoverRun(dir)).toThrow(`${server}:12: an iperf3 interval line that does not parse`);
  });

  it("says what is missing: the timeline, the captures, the origin event", () => {
    const dir = copyOfRun();
    expect(() => loadFailoverRun(dir, { originEvent: "t0" })).toThrow('no event named "t0" to use as the originEvent; the run has: iperf_server, iperf_client, fail_link, failover');
    rmSync(path.join(dir, "iperf"), { recursive: true });
    expect(() => loadFailoverRun(dir)).toThrow(`${dir}/iperf has no server_<i>.out or client_<i>.json captures`);
    rmSync(path.join(dir, "event_log.json"));
    rmSync(path.join(dir, "events.tsv"));
    expect(() => loadFailoverRun(dir)).toThrow(expect.objectContaining({ code: "FAILOVER_RUN_UNREADABLE", message: `${dir} has no event_log.json or events.tsv: a failover run needs its timeline` }));
  });
});
