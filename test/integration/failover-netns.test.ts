/**
 * The failover experiment end to end on a real multi-host testbed: network namespaces make a client
 * and a server host with a DUT between them (primary and backup path). Two agents, one per end
 * host, run real iperf3 UDP across the DUT; a third, in the root namespace, owns the failover
 * action (a script that takes the primary link down and re-routes to the backup after the poll
 * interval); every agent streams a simulated power meter. The analysis must show the loss at the
 * trigger and the recovery after it, with the power samples on the same time axis.
 */
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import { connectAgent, type AgentClient } from "../../controller/agents/agent-client.js";
import { analyzeRun, assembleLiveRun, type RunAnalysis } from "../../controller/analysis/failover/index.js";
import { compileFailoverPlan, runFailoverTimeline, type FailoverTimelineResult } from "../../controller/failover/index.js";
import { startFailoverTestbed, type FailoverTestbed } from "../../controller/testbed/failover-testbed.js";
import { netnsUnavailable } from "../helpers/netns.js";

const unavailable = await netnsUnavailable();
const POLL_MS = 200;
const BITRATE_BPS = 50e6;
const LENGTH_BYTES = 1200;

async function namespaces(): Promise<string[]> {
  const { stdout } = await execa("ip", ["netns", "list"]);
  return stdout.split("\n").map((line) => line.split(" ")[0] ?? "").filter(Boolean);
}

describe.skipIf(unavailable !== null)(`failover across a namespace DUT${unavailable === null ? "" : ` (SKIPPED: ${unavailable})`}`, () => {
  let testbed: FailoverTestbed;
  const clients = new Map<string, AgentClient>();
  let result: FailoverTimelineResult;
  let analysis: RunAnalysis;
  let made: string[] = [];

  beforeAll(async () => {
    testbed = await startFailoverTestbed({ mode: "netns", logger: silentLogger });
    const topology = testbed.topology!;
    made = [topology.client, topology.dut, topology.server];
    for (const agent of testbed.agents) clients.set(agent.id, await connectAgent({ url: agent.url, token: agent.token, clockSampleCount: 10 }));
  }, 60_000);

  afterAll(async () => {
    for (const client of clients.values()) await client.close();
    await testbed?.close();
    expect((await namespaces()).filter((ns) => made.includes(ns))).toEqual([]);
  }, 30_000);

  it("runs iperf3 UDP through the DUT on the timeline and the action re-routes it", async () => {
    const plan = compileFailoverPlan({
      sessions: [{ client: testbed.roles.client, server: testbed.roles.server, target: testbed.roles.target, port: testbed.roles.port }],
      meters: testbed.meters.map((meter) => ({ ...meter, intervalMs: 20 })),
      action: { agent: testbed.roles.actionAgent, name: testbed.action, params: { pollMs: POLL_MS } },
      iperf: { protocol: "udp", bitrateBps: BITRATE_BPS, lengthBytes: LENGTH_BYTES, intervalS: 0.1 },
      t1S: 1,
      t2S: 3,
    });
    expect(testbed.agents.map((agent) => agent.url)).toEqual([expect.stringContaining("ws://10.78.1.2:"), expect.stringContaining("ws://10.78.2.2:"), expect.stringContaining("ws://127.0.0.1:")]);
    result = await runFailoverTimeline(plan, clients, { clock: systemClock, logger: silentLogger, signal: new AbortController().signal, runLabel: "netns" });
    expect(result.action).toMatchObject({ outcome: "succeeded", stdout: `re-routed after ${POLL_MS} ms\n` });
    const { stdout } = await execa("ip", ["-n", testbed.topology!.dut, "route", "get", testbed.roles.target]);
    expect(stdout).toContain(`via ${testbed.topology!.backupNextHop}`);
    analysis = analyzeRun(assembleLiveRun(result.recorder.captures(), result.originEvent), { triggerEvent: result.triggerEvent });
    console.log(
      [
        `trigger at ${(analysis.triggerAtNs / 1e9).toFixed(3)} s after iperf_client; recovery ${analysis.recovery.recoveryS} s; peak ${analysis.recovery.peak?.lossPercent.toFixed(2)} %;`,
        `lost ${analysis.totals.lostPacketsAfterTrigger} of ${analysis.totals.packets} datagrams; warnings: ${JSON.stringify(analysis.warnings)}`,
        ...analysis.epochs.map((row) => `  epoch ${String(row.index).padStart(3)} ${(row.startNs / 1e9).toFixed(3)} s loss ${row.lossPercent === null ? row.lossGap : row.lossPercent.toFixed(2)} %`),
      ].join("\n"),
    );
  }, 60_000);

  it("shows the loss at the trigger and the recovery after it", () => {
    const { recovery, epochs, totals, triggerAtNs } = analysis;
    expect(analysis.warnings).toEqual([]);
    expect(triggerAtNs / 1e9).toBeGreaterThan(0.8);
    expect(triggerAtNs / 1e9).toBeLessThan(1.2);
    expect(recovery.disrupted).toBe(true);
    expect(recovery.peak?.lossPercent).toBeGreaterThanOrEqual(50);
    // The path is down for the poll interval; iperf3 reports the gap at the end of the interval that saw it.
    expect(recovery.recoveryS).toBeGreaterThanOrEqual(POLL_MS / 1000);
    expect(recovery.recoveryS).toBeLessThan(2);
    const before = epochs.filter((row) => row.endNs <= triggerAtNs && row.lossPercent !== null);
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...before.map((row) => row.lossPercent!))).toBeLessThan(1);
    // The last epoch holds the end of the test (a partial last interval, datagrams still in flight): left out.
    const after = epochs.filter((row) => row.startNs >= recovery.recoveredAtNs! && row.lossPercent !== null).slice(0, -1);
    expect(after.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...after.map((row) => row.lossPercent!))).toBeLessThan(1);
    const expectedLost = ((BITRATE_BPS / 8 / LENGTH_BYTES) * POLL_MS) / 1000;
    expect(totals.lostPacketsAfterTrigger).toBeGreaterThan(0.7 * expectedLost);
    expect(totals.lostPacketsAfterTrigger).toBeLessThan(2 * expectedLost);
  });

  it("puts the events and every meter's power samples on the same axis", () => {
    const names = analysis.events.map((event) => `${event.name}:${event.phase}`);
    expect(names).toEqual(["iperf_server:start", "power:start", "power:start", "power:start", "t0:start", "iperf_client:start", "failover:start", "failover:stop", "stop:start"]);
    const failover = analysis.events.filter((event) => event.name === "failover");
    expect((failover[1]!.atNs - failover[0]!.atNs) / 1e6).toBeGreaterThanOrEqual(POLL_MS);
    const stopNs = analysis.events.at(-1)!.atNs;
    expect(analysis.power.map((device) => device.device)).toEqual(["client/nic", "dut/fpga", "server/nic"]);
    const run = assembleLiveRun(result.recorder.captures());
    for (const device of run.power) {
      expect(device.gaps).toEqual([]);
      const first = device.samples[0]!.atNs;
      const last = device.samples.at(-1)!.atNs;
      expect(first).toBeLessThan(0.1e9);
      expect(first).toBeGreaterThan(-1e9);
      expect(last).toBeGreaterThan(stopNs - 0.2e9);
      expect(last).toBeLessThan(stopNs + 3e9);
      expect(device.samples.length).toBeGreaterThan(100);
      expect(device.samples.some((sample) => Math.abs(sample.atNs - analysis.triggerAtNs) < 0.05e9)).toBe(true);
    }
    expect(analysis.power.find((device) => device.device === "dut/fpga")?.epochs.some((epoch) => epoch.meanPowerW !== null && Math.abs(epoch.meanPowerW - 45) < 1)).toBe(true);
  });
});
