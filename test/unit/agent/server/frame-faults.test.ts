import { afterEach, describe, expect, it } from "vitest";
import { connectRaw, startTestAgent, TEST_TOKEN, trialRequest, type RawPeer, type TestAgent } from "../../../fixtures/wire/agent-harness.js";

let agent: TestAgent | undefined;
const peers: RawPeer[] = [];

async function peer(): Promise<RawPeer> {
  const connected = await connectRaw(agent!.url, { token: TEST_TOKEN });
  peers.push(connected);
  return connected;
}

afterEach(async () => {
  for (const connected of peers.splice(0)) connected.socket.terminate();
  await agent?.stop();
  agent = undefined;
});

/** The agent still serves: the bystander's ping is answered, and a new connection completes a trial. */
async function expectAgentStillServing(bystander: RawPeer): Promise<void> {
  expect(await bystander.request({ kind: "ping", value: { t1UnixNs: 5n } })).toMatchObject({ kind: "pong", value: { t1UnixNs: 5n } });
  const newcomer = await peer();
  await newcomer.handshake();
  expect(await newcomer.request({ kind: "ping", value: { t1UnixNs: 6n } })).toMatchObject({ kind: "pong" });
}

describe("agent server: bad frames close only their own connection, with a Failure", () => {
  it("closes a connection that sends more than max_message_bytes with MESSAGE_TOO_LARGE and 1009", async () => {
    agent = await startTestAgent({ maxMessageBytes: 1024 });
    const bystander = await peer();
    await bystander.handshake();
    const offender = await peer();
    await offender.handshake();
    offender.sendBytes(new Uint8Array(1500));
    expect(await offender.next()).toMatchObject({ correlationId: 0, body: { kind: "failure", value: { code: "MESSAGE_TOO_LARGE", context: { sizeBytes: "1500", maxMessageBytes: "1024" } } } });
    expect(await offender.closed).toEqual({ code: 1009, reason: "MESSAGE_TOO_LARGE" });
    await expectAgentStillServing(bystander);
  });

  it("cuts a frame beyond the hard limit (2 x max_message_bytes) at its header with 1009", async () => {
    agent = await startTestAgent({ maxMessageBytes: 1024 });
    const bystander = await peer();
    await bystander.handshake();
    const offender = await peer();
    await offender.handshake();
    offender.sendBytes(new Uint8Array(64 * 1024));
    expect((await offender.closed).code).toBe(1009);
    await expectAgentStillServing(bystander);
  });

  it("closes a connection that sends bytes that are not an Envelope with WIRE_MALFORMED and 1007", async () => {
    agent = await startTestAgent();
    const bystander = await peer();
    await bystander.handshake();
    const offender = await peer();
    await offender.handshake();
    offender.sendBytes(Uint8Array.from([0x0a, 0xff, 0x01]));
    expect(await offender.next()).toMatchObject({ body: { kind: "failure", value: { code: "WIRE_MALFORMED", retryable: false } } });
    expect(await offender.closed).toEqual({ code: 1007, reason: "WIRE_MALFORMED" });
    await expectAgentStillServing(bystander);
  });

  it("closes a connection that sends a text frame with WIRE_MALFORMED", async () => {
    agent = await startTestAgent();
    const offender = await peer();
    await offender.handshake();
    offender.sendBytes("{\"run\": \"trial\"}");
    expect(await offender.next()).toMatchObject({ body: { kind: "failure", value: { code: "WIRE_MALFORMED" } } });
    expect((await offender.closed).code).toBe(1007);
  });

  it("closes a connection whose first message is not a ControllerHello with PROTOCOL_VIOLATION", async () => {
    agent = await startTestAgent();
    const offender = await peer();
    expect(await offender.next()).toMatchObject({ body: { kind: "agentHello" } });
    offender.send(trialRequest());
    expect(await offender.next()).toMatchObject({ body: { kind: "failure", value: { code: "PROTOCOL_VIOLATION" } } });
    expect((await offender.closed).code).toBe(1008);
  });

  it("closes a connection that speaks another protocol version with PROTOCOL_VERSION_UNSUPPORTED", async () => {
    agent = await startTestAgent();
    const offender = await peer();
    await offender.handshake(2);
    expect(await offender.next()).toMatchObject({ body: { kind: "failure", value: { code: "PROTOCOL_VERSION_UNSUPPORTED" } } });
    expect((await offender.closed).code).toBe(1008);
  });

  it("closes a connection that sends an envelope without an id with PROTOCOL_VIOLATION", async () => {
    agent = await startTestAgent();
    const offender = await peer();
    await offender.handshake();
    offender.sendBytes(Uint8Array.from([0x32, 0x02, 0x08, 0x01])); // ping { t1 = 1 }, id absent (0)
    expect(await offender.next()).toMatchObject({ body: { kind: "failure", value: { code: "PROTOCOL_VIOLATION" } } });
    expect((await offender.closed).code).toBe(1008);
  });

  it("closes a connection that sends an agent-only message with PROTOCOL_VIOLATION", async () => {
    agent = await startTestAgent();
    const offender = await peer();
    await offender.handshake();
    offender.send({ kind: "pong", value: { t1UnixNs: 1n, t2UnixNs: 2n, t3UnixNs: 3n } });
    expect(await offender.next()).toMatchObject({ body: { kind: "failure", value: { code: "PROTOCOL_VIOLATION" } } });
    expect((await offender.closed).code).toBe(1008);
  });

  it("tells connected controllers AGENT_SHUTTING_DOWN (retryable) and closes with 1001 when it stops", async () => {
    agent = await startTestAgent();
    const controller = await peer();
    await controller.handshake();
    const stopping = agent.stop();
    agent = undefined;
    expect(await controller.next()).toMatchObject({ body: { kind: "failure", value: { code: "AGENT_SHUTTING_DOWN", retryable: true } } });
    expect((await controller.closed).code).toBe(1001);
    await stopping;
  });
});
