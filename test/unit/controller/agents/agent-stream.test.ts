import { describe, expect, it } from "vitest";
import { TestbenchError } from "../../../../common/errors.js";
import type { StreamEnded } from "../../../../common/wire/types.js";
import { AgentStream, type StreamEvent } from "../../../../controller/agents/agent-stream.js";
import { StreamRouter } from "../../../../controller/agents/stream-router.js";
import { agentToControllerNs } from "../../../../controller/agents/clock-offset.js";

const identity = { streamId: "i1", kind: "iperf" as const, source: "server", agentId: "a", clockOffset: undefined };
const ended: StreamEnded = { streamId: "i1", endedUnixNs: 5n, reason: "done", failure: undefined, samplesSent: 2, power: undefined, iperf: undefined, action: undefined };
const interval = (startS: number) => ({ streamId: "i1", startS, endS: startS + 0.1, bytes: 1, rateBps: 1, packets: 1, lostPackets: 0, jitterMs: 0, retransmits: 0, omitted: false, atUnixNs: 1n, sender: false, rttMs: 0 });

function stream(): { stream: AgentStream; router: StreamRouter } {
  const router = new StreamRouter();
  const created = new AgentStream(identity, () => Promise.reject(new Error("no stop in this test")));
  router.register(created);
  return { stream: created, router };
}

describe("AgentStream and StreamRouter", () => {
  it("keeps events that came before any consumer and iterates until StreamEnded", async () => {
    const { stream: subject, router } = stream();
    expect(router.deliver({ kind: "iperfInterval", value: interval(0) })).toBe(true);
    const seen: StreamEvent[] = [];
    const iterating = (async () => {
      for await (const event of subject) seen.push(event);
    })();
    router.deliver({ kind: "iperfInterval", value: interval(0.1) });
    router.deliver({ kind: "streamEnded", value: ended });
    await iterating;
    expect(seen.map((event) => (event.type === "iperf" ? event.interval.startS : -1))).toEqual([0, 0.1]);
    expect(await subject.ended).toBe(ended);
    expect(router.deliver({ kind: "iperfInterval", value: interval(0.2) })).toBe(true);
  });

  it("fails every stream of a closed connection; the iterator throws that error", async () => {
    const { stream: subject, router } = stream();
    const error = new TestbenchError("AGENT_DISCONNECTED", "closed", { retryable: true });
    const iterating = (async () => {
      for await (const _event of subject) void _event;
    })();
    router.failAll(error);
    await expect(iterating).rejects.toBe(error);
    await expect(subject.ended).rejects.toBe(error);
  });

  it("leaves other bodies to the connection", () => {
    expect(new StreamRouter().deliver({ kind: "ping", value: { t1UnixNs: 1n } })).toBe(false);
  });

  it("maps an agent timestamp to the controller's clock", () => {
    expect(agentToControllerNs(1_000n, { offsetNs: 300, roundTripNs: 10, uncertaintyNs: 5, sampleCount: 5 })).toBe(700n);
    expect(agentToControllerNs(1_000n, undefined)).toBe(1_000n);
  });
});
