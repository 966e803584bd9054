import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import { encodeEnvelope } from "../../../../common/wire/codec.js";
import type { AgentHello } from "../../../../common/wire/types.js";
import { AgentClient, connectAgent, type AgentClientEvent } from "../../../../controller/agents/agent-client.js";
import { startTestAgent, TEST_TOKEN, trialRequest, type TestAgent } from "../../../fixtures/wire/agent-harness.js";
import { BlockingGenerator } from "../../../fixtures/wire/test-generators.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function agentFor(options: Parameters<typeof startTestAgent>[0] = {}): Promise<TestAgent> {
  const agent = await startTestAgent(options);
  cleanups.push(() => agent.stop());
  return agent;
}

function track(client: AgentClient): AgentClientEvent[] {
  const events: AgentClientEvent[] = [];
  client.onEvent((event) => events.push(event));
  cleanups.push(() => client.close());
  return events;
}

function nextEvent(client: AgentClient, type: AgentClientEvent["type"]): Promise<AgentClientEvent> {
  return new Promise((resolve) => {
    const stop = client.onEvent((event) => {
      if (event.type === type) {
        stop();
        resolve(event);
      }
    });
  });
}

/** A WebSocket server on 127.0.0.1:0 that plays a (misbehaving) agent. */
async function fakeAgent(onConnection: (socket: WebSocket) => void): Promise<string> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise((resolve) => server.once("listening", resolve));
  server.on("connection", onConnection);
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  );
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const fakeHello: AgentHello = {
  agentId: "fake",
  softwareVersion: "x",
  protocolVersion: 1,
  capabilities: [],
  heartbeatIntervalS: 0.02,
  maxMessageBytes: 4096,
  maxPendingRequests: 4,
  ports: [0, 1],
};

describe("AgentClient against a real agent", () => {
  it("connects with the token, reads the hello and estimates a small clock offset on loopback", async () => {
    const agent = await agentFor();
    const client = await connectAgent({ url: agent.url, token: TEST_TOKEN, clockSampleCount: 8 });
    track(client);
    const connection = await client.connection();
    expect(connection.hello).toMatchObject({ agentId: "tg-test", protocolVersion: 1 });
    const offset = client.clockOffset!;
    expect(offset.sampleCount).toBe(8);
    // Same host, same clock: only the two 1 ms wall-clock anchors differ.
    expect(Math.abs(offset.offsetNs)).toBeLessThan(2_000_000);
    expect(offset.roundTripNs).toBeGreaterThan(0);
    expect(offset.roundTripNs).toBeLessThan(50_000_000);
  });

  it("fails at once with AGENT_AUTH_REFUSED on a wrong token, without retrying", async () => {
    const agent = await agentFor();
    const client = new AgentClient({ url: agent.url, token: "wrong-token-0123456789" });
    const events = track(client);
    await expect(client.connection()).rejects.toMatchObject({ code: "AGENT_AUTH_REFUSED", retryable: false });
    expect(events.map((event) => event.type)).toEqual(["gave-up"]);
  });

  it("returns the agent's Failure as a coded error: a second controller is told AGENT_BUSY", async () => {
    const generator = new BlockingGenerator();
    const agent = await agentFor({ generator });
    const first = await connectAgent({ url: agent.url, token: TEST_TOKEN });
    const second = await connectAgent({ url: agent.url, token: TEST_TOKEN });
    track(first);
    track(second);
    void (await first.connection()).call(trialRequest(), "runTrialResult", { timeoutS: 30 }).catch(() => undefined);
    await generator.started(1);
    await expect((await second.connection()).call(trialRequest(), "runTrialResult", { timeoutS: 30 })).rejects.toMatchObject({
      code: "AGENT_BUSY",
      retryable: true,
      context: { agentId: "tg-test", request: "runTrialRequest" },
    });
  });

  it("times a request out with AGENT_REQUEST_TIMEOUT and honours an AbortSignal", async () => {
    const generator = new BlockingGenerator();
    const agent = await agentFor({ generator });
    const client = await connectAgent({ url: agent.url, token: TEST_TOKEN });
    track(client);
    const connection = await client.connection();
    await expect(connection.call(trialRequest({ trialId: "slow" }), "runTrialResult", { timeoutS: 0.05 })).rejects.toMatchObject({ code: "AGENT_REQUEST_TIMEOUT" });
    const controller = new AbortController();
    const call = connection.call(trialRequest({ trialId: "cancelled" }), "runTrialResult", { timeoutS: 30, signal: controller.signal });
    controller.abort(new Error("search cancelled"));
    await expect(call).rejects.toThrow("search cancelled");
  });

  it("reconnects with backoff when the agent restarts on the same port", async () => {
    const first = await startTestAgent();
    const client = await connectAgent({ url: first.url, token: TEST_TOKEN, backoff: { initialDelayS: 0.01, maxDelayS: 0.05 } });
    const events = track(client);
    const before = await client.connection();
    const reconnected = nextEvent(client, "connected");
    await first.stop();
    const second = await agentFor({ port: first.port });
    await reconnected;
    const after = await client.connection();
    expect(after).not.toBe(before);
    expect(before.isOpen).toBe(false);
    expect(await after.call({ kind: "ping", value: { t1UnixNs: 1n } }, "pong", { timeoutS: 5 })).toMatchObject({ t1UnixNs: 1n });
    expect(events.find((event) => event.type === "disconnected")).toMatchObject({ closed: { code: 1001, failure: { code: "AGENT_SHUTTING_DOWN" } } });
    expect(second.port).toBe(first.port);
  });

  it("gives up with AGENT_UNREACHABLE after maxAttempts when nothing listens", async () => {
    const agent = await startTestAgent();
    await agent.stop();
    const client = new AgentClient({ url: agent.url, token: TEST_TOKEN, backoff: { initialDelayS: 0.001, maxDelayS: 0.002, maxAttempts: 3 } });
    const events = track(client);
    await expect(client.connection()).rejects.toMatchObject({ code: "AGENT_UNREACHABLE", retryable: true });
    expect(events.map((event) => event.type)).toEqual(["retrying", "retrying", "gave-up"]);
  });
});

describe("AgentClient against misbehaving agents", () => {
  it("refuses an agent of another protocol version with AGENT_PROTOCOL_MISMATCH", async () => {
    const url = await fakeAgent((socket) => socket.send(encodeEnvelope({ id: 1, correlationId: 0, body: { kind: "agentHello", value: { ...fakeHello, protocolVersion: 2 } } })));
    await expect(connectAgent({ url, token: TEST_TOKEN })).rejects.toMatchObject({ code: "AGENT_PROTOCOL_MISMATCH", context: { agentProtocolVersion: 2 } });
  });

  it("terminates a connection whose agent falls silent beyond its heartbeat", async () => {
    const url = await fakeAgent((socket) => socket.send(encodeEnvelope({ id: 1, correlationId: 0, body: { kind: "agentHello", value: fakeHello } })));
    const client = new AgentClient({ url, token: TEST_TOKEN, clockSampleCount: 0, backoff: { maxAttempts: 1 } });
    track(client);
    const disconnected = nextEvent(client, "disconnected");
    await client.connection();
    expect(await disconnected).toMatchObject({ closed: { code: 1006 } });
  });
});
