import { afterEach, describe, expect, it } from "vitest";
import { connectRaw, startTestAgent, TEST_TOKEN, type RawPeer, type TestAgent } from "../../../fixtures/wire/agent-harness.js";

let agent: TestAgent | undefined;
const peers: RawPeer[] = [];

afterEach(async () => {
  for (const connected of peers.splice(0)) connected.socket.terminate();
  await agent?.stop();
  agent = undefined;
});

function pings(peer: RawPeer, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    peer.socket.on("ping", () => {
      if (++seen === count) resolve();
    });
  });
}

describe("agent server: ping/pong liveness", () => {
  it("terminates a peer that stops answering pings, and keeps one that answers", async () => {
    agent = await startTestAgent({ heartbeatIntervalS: 0.02 });
    const silent = await connectRaw(agent.url, { token: TEST_TOKEN, autoPong: false });
    const lively = await connectRaw(agent.url, { token: TEST_TOKEN });
    peers.push(silent, lively);
    await silent.handshake();
    await lively.handshake();
    const livelyPings = pings(lively, 5);
    // Terminated, not closed: no close frame, so the client sees 1006.
    expect((await silent.closed).code).toBe(1006);
    await livelyPings;
    expect(lively.socket.readyState).toBe(lively.socket.OPEN);
    expect(await lively.request({ kind: "ping", value: { t1UnixNs: 1n } })).toMatchObject({ kind: "pong" });
  });
});
