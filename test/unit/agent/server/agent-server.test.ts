import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { tokenSubprotocol, WIRE_SUBPROTOCOL } from "../../../../common/wire/protocol.js";
import { connectRaw, startTestAgent, TEST_TOKEN, trialRequest, type RawPeer, type TestAgent } from "../../../fixtures/wire/agent-harness.js";
import { BlockingGenerator, outcomeFor } from "../../../fixtures/wire/test-generators.js";

let agent: TestAgent | undefined;
const peers: RawPeer[] = [];

async function peer(url: string): Promise<RawPeer> {
  const connected = await connectRaw(url, { token: TEST_TOKEN });
  peers.push(connected);
  return connected;
}

afterEach(async () => {
  for (const connected of peers.splice(0)) connected.socket.terminate();
  await agent?.stop();
  agent = undefined;
});

function upgradeStatus(url: string, headers: Record<string, string>, protocols: string[] = [WIRE_SUBPROTOCOL]): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols, { headers });
    socket.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on("open", () => {
      resolve(101);
      socket.terminate();
    });
    socket.on("error", (error) => reject(error));
  });
}

describe("agent server: authentication during the upgrade", () => {
  it("answers 401 to a missing or wrong token and 101 to the right one", async () => {
    agent = await startTestAgent();
    expect(await upgradeStatus(agent.url, {})).toBe(401);
    expect(await upgradeStatus(agent.url, { Authorization: "Bearer wrong-token-0123456789" })).toBe(401);
    expect(await upgradeStatus(agent.url, { Authorization: `Basic ${TEST_TOKEN}` })).toBe(401);
    expect(await upgradeStatus(agent.url, { Authorization: `Bearer ${TEST_TOKEN}` })).toBe(101);
  });

  it("accepts the token as a subprotocol and selects only testbench.v1", async () => {
    agent = await startTestAgent();
    const socket = new WebSocket(agent.url, [WIRE_SUBPROTOCOL, tokenSubprotocol(TEST_TOKEN)]);
    await new Promise((resolve, reject) => socket.on("open", resolve).on("error", reject));
    expect(socket.protocol).toBe(WIRE_SUBPROTOCOL);
    socket.terminate();
    expect(await upgradeStatus(agent.url, {}, [WIRE_SUBPROTOCOL, tokenSubprotocol("wrong-token-0123456789")])).toBe(401);
  });

  it("refuses before reading any frame: a frame sent right after a bad upgrade never reaches the generator", async () => {
    const generator = new BlockingGenerator();
    agent = await startTestAgent({ generator });
    const request = [
      "GET / HTTP/1.1",
      `Host: 127.0.0.1:${agent.port}`,
      "Upgrade: websocket",
      "Connection: Upgrade",
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
      "Sec-WebSocket-Version: 13",
      "Authorization: Bearer wrong-token-0123456789",
      "",
      "",
    ].join("\r\n");
    // A masked binary frame carrying 4 bytes, as a client would send after a 101.
    const frame = Buffer.from([0x82, 0x84, 1, 2, 3, 4, 0x09 ^ 1, 0x01 ^ 2, 0x42 ^ 3, 0x00 ^ 4]);
    const response = await new Promise<string>((resolve, reject) => {
      const socket = connect(agent!.port, "127.0.0.1", () => socket.write(Buffer.concat([Buffer.from(request), frame])));
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString("latin1")));
      socket.on("close", () => resolve(text));
      socket.on("error", reject);
    });
    expect(response).toMatch(/^HTTP\/1\.1 401 Unauthorized\r\n/);
    expect(response).toContain('WWW-Authenticate: Bearer realm="testbench-agent"');
    expect(generator.held).toHaveLength(0);
  });
});

describe("agent server: sessions", () => {
  it("sends an AgentHello with its limits and ports first", async () => {
    agent = await startTestAgent({ maxMessageBytes: 2048, maxPendingRequests: 3, heartbeatIntervalS: 7 });
    const hello = await (await peer(agent.url)).handshake();
    expect(hello).toMatchObject({
      agentId: "tg-test",
      protocolVersion: 1,
      capabilities: ["trial.v1"],
      heartbeatIntervalS: 7,
      maxMessageBytes: 2048,
      maxPendingRequests: 3,
      ports: [0, 1],
    });
  });

  it("lets one session own the generator: a second controller gets AGENT_BUSY until the first is gone", async () => {
    const generator = new BlockingGenerator();
    agent = await startTestAgent({ generator });
    const first = await peer(agent.url);
    const second = await peer(agent.url);
    await first.handshake();
    await second.handshake();
    const firstTrial = first.request(trialRequest({ trialId: "a-1" }));
    await generator.started(1);
    const refused = await second.request(trialRequest({ trialId: "b-1" }));
    expect(refused).toMatchObject({ kind: "failure", value: { code: "AGENT_BUSY", retryable: true } });
    generator.held[0]!.release(outcomeFor(generator.held[0]!.request));
    expect(await firstTrial).toMatchObject({ kind: "runTrialResult", value: { trialId: "a-1" } });
    // Still owned by the first session while it is connected.
    expect(await second.request(trialRequest({ trialId: "b-2" }))).toMatchObject({ value: { code: "AGENT_BUSY" } });
    first.socket.close();
    await first.closed;
    // The agent releases the generator once it has seen the close; each try is one round trip.
    let answer = second.request(trialRequest({ trialId: "b-3" }));
    for (let attempt = 0; attempt < 20 && generator.held.length < 2; attempt++) {
      const settled = await Promise.race([answer, generator.started(2).then(() => undefined)]);
      if (settled?.kind === "failure") answer = second.request(trialRequest({ trialId: `b-4-${attempt}` }));
    }
    await generator.started(2);
    expect(generator.held[1]!.request.loadPps).toBe(1000);
  });

  it("refuses requests beyond max_pending_requests with a retryable TOO_MANY_PENDING", async () => {
    const generator = new BlockingGenerator();
    agent = await startTestAgent({ generator, maxPendingRequests: 2 });
    const controller = await peer(agent.url);
    await controller.handshake();
    const first = controller.request(trialRequest({ trialId: "p-1" }));
    const second = controller.request(trialRequest({ trialId: "p-2" }));
    const third = await controller.request(trialRequest({ trialId: "p-3" }));
    expect(third).toMatchObject({ kind: "failure", value: { code: "TOO_MANY_PENDING", retryable: true, context: { trialId: "p-3" } } });
    await generator.started(1);
    generator.held[0]!.release(outcomeFor(generator.held[0]!.request));
    expect(await first).toMatchObject({ kind: "runTrialResult" });
    await generator.started(2);
    generator.held[1]!.release(outcomeFor(generator.held[1]!.request));
    expect(await second).toMatchObject({ kind: "runTrialResult", value: { trialId: "p-2" } });
  });

  it.each([
    [{ loadPps: 0 }, "load_pps"],
    [{ loadPps: -5 }, "load_pps"],
    [{ durationS: 0 }, "duration_s"],
    [{ ports: [0, 7] }, "ports"],
    [{ frameSizeBytes: 12 }, "frame_size_bytes"],
  ])("answers an invalid trial %o with TRIAL_INVALID naming %s", async (overrides, field) => {
    agent = await startTestAgent();
    const controller = await peer(agent.url);
    await controller.handshake();
    const answer = await controller.request(trialRequest(overrides));
    expect(answer).toMatchObject({ kind: "failure", value: { code: "TRIAL_INVALID", retryable: false, context: { field } } });
    if (answer.kind === "failure") expect(answer.value.message).toContain(`RunTrialRequest.${field}`);
    // The connection stays usable.
    expect(await controller.request(trialRequest())).toMatchObject({ kind: "runTrialResult" });
  });

  it("answers a body it does not know, and stream requests it has no handler for, with UNSUPPORTED_REQUEST", async () => {
    agent = await startTestAgent();
    const controller = await peer(agent.url);
    await controller.handshake();
    controller.sendBytes(Uint8Array.from([0x08, 0x2a, 0x9a, 0x06, 0x00])); // id 42, field 99 (unknown), empty
    expect(await controller.next()).toMatchObject({ correlationId: 42, body: { kind: "failure", value: { code: "UNSUPPORTED_REQUEST" } } });
    const answer = await controller.request({ kind: "streamStart", value: { streamId: "p1", kind: "power", source: "x", arguments: {} } });
    expect(answer).toMatchObject({ kind: "failure", value: { code: "UNSUPPORTED_REQUEST" } });
    expect(await controller.request({ kind: "ping", value: { t1UnixNs: 1n } })).toMatchObject({ kind: "pong" });
  });
});
