/**
 * Hostile input against a real agent (agent/main.ts startAgent, on 127.0.0.1): missing and wrong
 * tokens, a hello replayed from another session, oversized frames, random and mutated protobuf
 * bytes (fast-check), an action its config does not define, a flood of connections. Throughout,
 * a controller connected at the start keeps being served, and a new one connects at the end.
 */
import { connect, type Socket } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { parseAgentConfig } from "../../agent/config/load-agent-config.js";
import { startAgent, type RunningAgent } from "../../agent/main.js";
import { encodeEnvelope } from "../../common/wire/codec.js";
import { WIRE_SUBPROTOCOL, tokenSubprotocol } from "../../common/wire/protocol.js";
import type { WireBody } from "../../common/wire/types.js";
import { connectAgent, type AgentClient } from "../../controller/agents/agent-client.js";
import { connectRaw, trialRequest, type RawPeer } from "../fixtures/wire/agent-harness.js";
import { capturingLogger } from "../unit/agent/server/server-fixture.js";
import { clientFrames, rawExchange, recordingProxy, splitUpgrade } from "./agent-hostile-tools.js";

const TOKEN = "hostile-token-0123456789abcdef";
const WRONG = "not-the-token-0123456789abcdef";
const MAX_MESSAGE_BYTES = 4096;
const CLOSED_FOR_BAD_INPUT = [1007, 1008, 1009];

const config = await parseAgentConfig(
  `agentId: tg-hostile
listen: {host: 127.0.0.1, port: 0}
token: ${TOKEN}
limits: {maxMessageBytes: ${MAX_MESSAGE_BYTES}, maxPendingRequests: 4}
generator: {kind: simulated, device: "hard:mrr=1e6,noise=0"}
actions:
  - name: mark
    command: ["true"]
`,
  "hostile-agent.yaml",
  () => Promise.reject(new Error("no token file")),
);

let agent: RunningAgent;
const stop = new AbortController();
const capture = capturingLogger("debug");
let control: AgentClient;
let agentDone = false;

beforeAll(async () => {
  agent = await startAgent(config, { signal: stop.signal, logger: capture.logger });
  void agent.done.then(() => (agentDone = true));
  control = await connectAgent({ url: agent.url, token: TOKEN, clockSampleCount: 1 });
});

afterAll(async () => {
  await control.close();
  stop.abort();
  await agent.done;
});

/** The agent is up and the controller connected before all this still gets answers. */
async function stillServing(): Promise<void> {
  expect(agentDone).toBe(false);
  const connection = await control.connection();
  await expect(connection.ping({ timeoutS: 5 })).resolves.toBeDefined();
}

function upgradeStatus(headers: Record<string, string>, protocols: string[] = [WIRE_SUBPROTOCOL]): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(agent.url, protocols, { headers });
    socket.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on("open", () => {
      resolve(101);
      socket.close();
    });
    socket.on("error", reject);
  });
}

/** A fresh authenticated connection past the hello exchange. */
async function session(): Promise<RawPeer> {
  const peer = await connectRaw(agent.url, { token: TOKEN });
  await peer.handshake();
  return peer;
}

/**
 * Send one frame and see what the agent does: close the connection (its code), or keep it and
 * still answer a ping correctly (a pong after the hello; before it, PROTOCOL_VIOLATION is right too).
 */
async function sendAndObserve(peer: RawPeer, bytes: Uint8Array, helloDone = true): Promise<number | "open"> {
  peer.sendBytes(bytes);
  const code = await Promise.race([peer.closed.then((closed) => closed.code), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 150))]);
  if (code !== undefined) return code;
  let answer: WireBody;
  try {
    answer = await peer.request({ kind: "ping", value: { t1UnixNs: 1n } });
  } catch {
    return (await peer.closed).code;
  }
  if (helloDone) expect(answer).toMatchObject({ kind: "pong" });
  else expect(answer.kind === "pong" || (answer.kind === "failure" && answer.value.code === "PROTOCOL_VIOLATION")).toBe(true);
  peer.socket.terminate();
  return "open";
}

describe("a real agent under hostile input", () => {
  it("refuses a missing token, a wrong token and a wrong token subprotocol with 401, and logs none of them", async () => {
    expect(await upgradeStatus({})).toBe(401);
    expect(await upgradeStatus({ Authorization: `Bearer ${WRONG}` })).toBe(401);
    expect(await upgradeStatus({}, [WIRE_SUBPROTOCOL, tokenSubprotocol(WRONG)])).toBe(401);
    expect(capture.text()).not.toContain(WRONG);
    expect(capture.text()).not.toContain(TOKEN);
    await stillServing();
  });

  it("a hello replayed from another session: refused without the token, a protocol violation inside a session", async () => {
    const proxy = await recordingProxy(agent.port);
    const recorded = await connectAgent({ url: `ws://127.0.0.1:${proxy.port}/`, token: TOKEN, clockSampleCount: 1 });
    await recorded.close();
    await proxy.close();
    const { request, frames } = splitUpgrade(proxy.sent());
    const hello = clientFrames(frames).find((frame) => frame.opcode === 2);
    expect(hello).toBeDefined();
    const hellos = (): number => capture.lines().filter((line) => line["msg"] === "controller said hello").length;
    const before = hellos();
    // The whole recorded stream minus the Authorization header: 401 and not one frame read.
    const stripped = request.replace(/^Authorization: .*\r\n/im, "");
    expect(stripped).not.toContain(TOKEN);
    const answer = await rawExchange(agent.port, Buffer.concat([Buffer.from(stripped, "latin1"), frames]));
    expect(answer).toMatch(/^HTTP\/1\.1 401 Unauthorized\r\n/);
    expect(hellos()).toBe(before);
    // The recorded ControllerHello, replayed inside an authenticated session that said hello already.
    const peer = await session();
    peer.sendBytes(hello!.payload);
    const failure = await peer.next();
    expect(failure.body).toMatchObject({ kind: "failure", value: { code: "PROTOCOL_VIOLATION" } });
    expect((await peer.closed).code).toBe(1008);
    await stillServing();
  });

  it("oversized frames close that connection only (MESSAGE_TOO_LARGE, or cut at the frame header)", async () => {
    const large = await session();
    large.sendBytes(new Uint8Array(MAX_MESSAGE_BYTES + 1));
    expect((await large.next()).body).toMatchObject({ kind: "failure", value: { code: "MESSAGE_TOO_LARGE" } });
    expect((await large.closed).code).toBe(1009);
    const huge = await session();
    huge.sendBytes(new Uint8Array(MAX_MESSAGE_BYTES * 2 + 1));
    expect((await huge.closed).code).toBe(1009);
    await stillServing();
  });

  it("random bytes as messages: each connection is answered or closed for bad input; the agent stays up", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 700 }), async (bytes) => {
        const outcome = await sendAndObserve(await session(), bytes);
        if (outcome !== "open") expect(CLOSED_FOR_BAD_INPUT).toContain(outcome);
      }),
      { numRuns: 60, seed: 0x7e57 },
    );
    await stillServing();
  });

  it("mutated protobuf (flipped, truncated, extended valid envelopes): the same, before and after the hello", async () => {
    const bodies: WireBody[] = [
      { kind: "ping", value: { t1UnixNs: 123456789n } },
      { kind: "controllerHello", value: { controllerId: "intruder", softwareVersion: "9.9.9", protocolVersion: 1 } },
      { kind: "streamStop", value: { streamId: "power-1" } },
      { kind: "failure", value: { code: "X", message: "y", retryable: false, context: {} } },
    ];
    // Ids far from the ones the test's own requests use, so that answers cannot be confused.
    const valid = bodies.map((body, index) => encodeEnvelope({ id: 1001 + index, correlationId: 0, body }));
    const mutation = fc.record({
      base: fc.nat({ max: valid.length - 1 }),
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 3 }),
      cut: fc.option(fc.nat(), { freq: 2 }),
      // Often nothing appended, so that some mutants stay well-formed and must be answered.
      tail: fc.oneof(fc.constant(new Uint8Array(0)), fc.uint8Array({ minLength: 1, maxLength: 16 })),
      beforeHello: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ base, flips, cut, tail, beforeHello }) => {
        const bytes = Buffer.from(valid[base]!);
        for (const [at, xor] of flips) if (bytes.length > 0) bytes[at % bytes.length]! ^= xor;
        const mutated = Buffer.concat([cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1)), tail]);
        const peer = beforeHello ? await connectRaw(agent.url, { token: TOKEN }) : await session();
        if (beforeHello) expect((await peer.next()).body.kind).toBe("agentHello");
        const outcome = await sendAndObserve(peer, mutated, !beforeHello);
        if (outcome !== "open") expect(CLOSED_FOR_BAD_INPUT).toContain(outcome);
      }),
      { numRuns: 80, seed: 0xbad },
    );
    await stillServing();
  });

  it("runs only the actions its own config defines: an unknown name or an undeclared parameter is refused", async () => {
    await expect(control.runAction("rm -rf /")).rejects.toMatchObject({ code: "ACTION_UNKNOWN", message: expect.stringContaining("defined in the agent's config only") });
    await expect(control.runAction("mark", { command: "rm -rf /" })).rejects.toMatchObject({ code: "ACTION_PARAMS_INVALID" });
    await stillServing();
  });

  it("a flood of connections (idle sockets and sessions) is cut per address; afterwards a new controller is served", async () => {
    const sockets: Socket[] = [];
    const opened = await Promise.all(
      Array.from({ length: 300 }, () =>
        new Promise<boolean>((resolve) => {
          const socket = connect(agent.port, "127.0.0.1");
          sockets.push(socket);
          socket.once("connect", () => resolve(true));
          socket.once("error", () => resolve(false));
        }),
      ),
    );
    expect(opened.filter(Boolean).length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const alive = sockets.filter((socket) => !socket.destroyed && socket.readyState === "open").length;
    // At most 32 connections per address (the controller's own session is one of them).
    expect(alive).toBeLessThanOrEqual(31);
    await stillServing();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const sessions = await Promise.all(Array.from({ length: 20 }, () => session()));
    for (const peer of sessions) peer.socket.terminate();
    const fresh = await connectAgent({ url: agent.url, token: TOKEN, clockSampleCount: 1 });
    try {
      const connection = await fresh.connection();
      expect(connection.hello.agentId).toBe("tg-hostile");
      const peer = await session();
      expect(await peer.request(trialRequest({ trialId: "after-the-flood" }))).toMatchObject({ kind: "runTrialResult", value: { trialId: "after-the-flood" } });
      peer.socket.terminate();
    } finally {
      await fresh.close();
    }
    await stillServing();
  });

  it("logged neither the token nor any wrong one", () => {
    expect(capture.text()).toContain("upgrade refused: missing or wrong token");
    expect(capture.text()).not.toContain(TOKEN);
    expect(capture.text()).not.toContain(WRONG);
  });
});
