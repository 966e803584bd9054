/**
 * Streams and actions end to end: an agent started from agent.yaml (meters on the fixture sysfs and
 * simulated, an action script, iperf3), a controller AgentClient over a real WebSocket on loopback,
 * real iperf3 between them.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAgent, type RunningAgent } from "../../agent/main.js";
import { silentLogger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import type { StreamEvent } from "../../controller/agents/agent-stream.js";
import { connectAgent, type AgentClient } from "../../controller/agents/agent-client.js";
import { agentToControllerNs } from "../../controller/agents/clock-offset.js";
import { actionStream, iperfClientStream, iperfServerStream, powerStream } from "../../controller/agents/stream-api.js";
import { createFakeBin, type FakeBin } from "../unit/agent/support/fake-bin.js";
import { fixtureSysfsRoot } from "../unit/agent/support/fixtures.js";
import { freePort } from "../unit/agent/support/free-port.js";

const TOKEN = "streams-integration-token-0123";
let folder = "";
let bin: FakeBin;
let agent: RunningAgent;
let client: AgentClient;
const stopAgent = new AbortController();

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "agent-streams-"));
  bin = await createFakeBin();
  const failover = await bin.add("failover", 'echo "switched to $2 (poll $1 ms)"');
  const slow = await bin.add("dataplane", "exec sleep 30");
  const yaml = [
    "agentId: lab-a",
    "listen: {host: 127.0.0.1, port: 0}",
    `token: ${TOKEN}`,
    "generator: {kind: simulated, device: \"hard:mrr=1e6\"}",
    "meters:",
    "  - name: fpga0",
    "    kind: hwmon",
    "    intervalMs: 5",
    `    options: {device: n3000bmc_hwmon, sysfsRoot: ${JSON.stringify(fixtureSysfsRoot)}}`,
    "  - name: sim",
    "    kind: simulated",
    "    intervalMs: 2",
    "    options:",
    "      levels: [{atS: 0, powerW: 60}]",
    "      outages: [{fromS: 0.05, toS: 0.1}]",
    "  - name: gone",
    "    kind: hwmon",
    "    options: {device: hwmon9, sysfsRoot: /nonexistent/sys}",
    "actions:",
    `  - name: failover`,
    `    command: [${JSON.stringify(failover)}, "{pollMs}", "{target}"]`,
    "    params:",
    "      pollMs: {type: integer, min: 1, max: 1000}",
    "      target: {type: enum, values: [primary, backup]}",
    `  - name: dataplane`,
    `    command: [${JSON.stringify(slow)}]`,
    "iperf3: {}",
    "",
  ].join("\n");
  await writeFile(path.join(folder, "agent.yaml"), yaml);
  agent = await runAgent(path.join(folder, "agent.yaml"), { signal: stopAgent.signal, logger: silentLogger });
  client = await connectAgent({ url: agent.url, token: TOKEN });
});

afterAll(async () => {
  await client.close();
  stopAgent.abort();
  await agent.done;
  await bin.remove();
  await rm(folder, { recursive: true, force: true });
});

function powerOf(events: readonly StreamEvent[]) {
  const batches = events.flatMap((event) => (event.type === "power" ? [event.batch] : []));
  return { samples: batches.flatMap((batch) => batch.samples), gaps: batches.flatMap((batch) => batch.gaps) };
}

describe("power streams over the wire", () => {
  it("announces what the config defines", async () => {
    const connection = await client.connection();
    expect(connection.hello.capabilities).toEqual(["trial.v1", "stream.power", "stream.iperf", "stream.action", "action.v1"]);
  });

  it("streams the fixture hwmon meter in batches, stamped on the agent's clock, until stopped", async () => {
    const stream = await client.startStream(powerStream("fpga0", { intervalMs: 5, batchMs: 20 }));
    const first = await new Promise<StreamEvent>((resolve) => stream.on(resolve));
    expect(first).toMatchObject({ type: "power", batch: { streamId: stream.streamId, samples: expect.arrayContaining([expect.objectContaining({ channel: "Board Power", powerW: 69.24 })]) } });
    const { stopped, ended } = await stream.stop();
    expect(ended).toMatchObject({ reason: "stopped", power: { samples: expect.any(Number) } });
    expect(stopped.samplesSent).toBe(ended.samplesSent);
    expect(stream.startedUnixNs).toBeGreaterThan(0n);
    expect(stream.identity.clockOffset).toBeDefined();
    if (first.type === "power") {
      const atNs = agentToControllerNs(first.batch.samples[0]!.atUnixNs, stream.identity.clockOffset);
      expect(Math.abs(Number(atNs - stream.startedUnixNs))).toBeLessThan(1e9);
    }
  });

  it("records a meter failing mid-stream as a gap and keeps streaming", async () => {
    const stream = await client.startStream(powerStream("sim", { batchMs: 10 }));
    const events: StreamEvent[] = [];
    await new Promise<void>((resolve) => {
      stream.on((event) => {
        events.push(event);
        const { samples, gaps } = powerOf(events);
        if (gaps.length > 0 && samples.some((sample) => sample.atUnixNs > gaps.at(-1)!.toUnixNs)) resolve();
      });
    });
    const { ended } = await stream.stop();
    const { gaps } = powerOf(events);
    expect(gaps[0]).toMatchObject({ code: "METER_READ_FAILED", message: expect.stringContaining("simulated outage") });
    expect(ended.reason).toBe("stopped");
    expect(ended.power?.failedReads).toBeGreaterThan(0);
  });

  it("refuses an unknown meter and a meter whose path does not exist, naming them", async () => {
    await expect(client.startStream(powerStream("nope"))).rejects.toMatchObject({ code: "METER_UNKNOWN", message: expect.stringContaining("fpga0, sim, gone") });
    await expect(client.startStream(powerStream("gone"))).rejects.toMatchObject({ code: "METER_NOT_FOUND", message: expect.stringContaining("/nonexistent/sys") });
    await expect(client.startStream(powerStream("fpga0", { intervalMs: 0.5 }))).rejects.toMatchObject({ code: "STREAM_ARGUMENTS_INVALID", context: { argument: "interval_ms" } });
  });
});

describe("iperf3 streams over the wire", () => {
  it("runs a server and a client, streams the intervals live and ends both with their reports", async () => {
    const port = await freePort();
    const server = await client.startStream(iperfServerStream({ port, bind: "127.0.0.1", intervalS: 0.1 }));
    const serverData = server.collect();
    const iperfClient = await client.startStream(iperfClientStream({ host: "127.0.0.1", port, protocol: "udp", bitrateBps: 10e6, lengthBytes: 1200, durationS: 1, intervalS: 0.1 }));
    const clientData = await iperfClient.collect();
    const { events, ended } = await serverData;
    expect(clientData.ended).toMatchObject({ reason: "done", iperf: { outputMode: expect.stringMatching(/text|json-stream/) } });
    expect(ended).toMatchObject({ reason: "done", iperf: { received: { packets: expect.any(Number) } } });
    const intervals = events.flatMap((event) => (event.type === "iperf" ? [event.interval] : []));
    expect(intervals.length).toBeGreaterThanOrEqual(9);
    expect(intervals.every((interval) => interval.streamId === server.streamId && !interval.sender && interval.atUnixNs > 0n)).toBe(true);
    expect(ended.samplesSent).toBe(intervals.length);
  });

  it("answers a bad argument and a taken port with their codes", async () => {
    await expect(client.startStream(iperfClientStream({ host: "127.0.0.1", durationS: 0.5 }))).rejects.toMatchObject({ code: "STREAM_ARGUMENTS_INVALID", context: { argument: "duration_s" } });
    const port = await freePort();
    const server = await client.startStream(iperfServerStream({ port, oneOff: false }));
    await expect(client.startStream(iperfServerStream({ port }))).rejects.toMatchObject({ code: "IPERF_PORT_IN_USE" });
    expect((await server.stop()).ended.reason).toBe("stopped");
  });
});

describe("actions over the wire", () => {
  it("runs an action by name and returns its events on the agent's clock", async () => {
    const result = await client.runAction("failover", { pollMs: 10, target: "backup" });
    expect(result).toMatchObject({ action: "failover", outcome: "succeeded", stdout: "switched to backup (poll 10 ms)\n", started: { phase: "started" }, ended: { phase: "finished", exitCode: 0 } });
    expect(result.ended!.atUnixNs).toBeGreaterThanOrEqual(result.started!.atUnixNs);
  });

  it("refuses an action the agent does not define and invalid parameters, naming them", async () => {
    await expect(client.runAction("reboot")).rejects.toMatchObject({ code: "ACTION_UNKNOWN", context: { action: "reboot" } });
    await expect(client.runAction("failover", { pollMs: 5000, target: "backup" })).rejects.toMatchObject({ code: "ACTION_PARAMS_INVALID", context: { parameter: "pollMs" } });
  });

  it("runs a long action as a stream and cancels it on stop", async () => {
    const stream = await client.startStream(actionStream("dataplane"));
    const started = await new Promise<StreamEvent>((resolve) => stream.on(resolve));
    expect(started).toMatchObject({ type: "action", event: { phase: "started", action: "dataplane" } });
    const { ended } = await stream.stop();
    expect(ended).toMatchObject({ reason: "stopped", action: { outcome: "cancelled", ended: { phase: "failed" } } });
  });
});

describe("ownership and disconnects", () => {
  it("gives streams to one session at a time; a dropped connection stops its streams", async () => {
    const port = await freePort();
    const server = await client.startStream(iperfServerStream({ port, oneOff: false }));
    const other = await connectAgent({ url: agent.url, token: TOKEN, backoff: { maxAttempts: 1 } });
    await expect(other.startStream(powerStream("fpga0"))).rejects.toMatchObject({ code: "AGENT_BUSY", retryable: true });
    await other.close();
    (await client.connection()).terminate();
    await expect(server.ended).rejects.toMatchObject({ code: "AGENT_DISCONNECTED", retryable: true });
    // The agent stops that server, then releases the instruments (AGENT_BUSY, retryable, until then):
    // the port is free for a new server once the client is back.
    let again;
    for (let attempt = 0; again === undefined; attempt++) {
      again = await client.startStream(iperfServerStream({ port, oneOff: false })).catch(async (error: unknown) => {
        if (attempt > 100 || (error as { code?: string }).code !== "AGENT_BUSY") throw error;
        await systemClock.sleep(0.05);
        return undefined;
      });
    }
    expect((await again.stop()).ended.reason).toBe("stopped");
  });
});
