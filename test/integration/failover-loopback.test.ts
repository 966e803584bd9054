/**
 * The loopback fallback of the failover testbed (no root, no namespaces): one agent in every role;
 * its "failover" action stalls the iperf3 receiver for the poll interval. Real iperf3 UDP, real
 * loss when the socket buffer overflows, and the recovery after the stall.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import { connectAgent, type AgentClient } from "../../controller/agents/agent-client.js";
import { analyzeRun, assembleLiveRun } from "../../controller/analysis/failover/index.js";
import { compileFailoverPlan, runFailoverTimeline } from "../../controller/failover/index.js";
import { startFailoverTestbed, type FailoverTestbed } from "../../controller/testbed/failover-testbed.js";

const POLL_MS = 300;

describe("failover on the loopback testbed", () => {
  let testbed: FailoverTestbed;
  const clients = new Map<string, AgentClient>();

  beforeAll(async () => {
    testbed = await startFailoverTestbed({ mode: "loopback", logger: silentLogger, port: 5391 });
    for (const agent of testbed.agents) clients.set(agent.id, await connectAgent({ url: agent.url, token: agent.token }));
  }, 60_000);

  afterAll(async () => {
    for (const client of clients.values()) await client.close();
    await testbed?.close();
  }, 30_000);

  it("loses datagrams while the receiver is stalled and recovers after it", async () => {
    expect(testbed.agents.map((agent) => agent.id)).toEqual(["local"]);
    const plan = compileFailoverPlan({
      sessions: [{ client: testbed.roles.client, server: testbed.roles.server, target: testbed.roles.target, port: testbed.roles.port }],
      meters: testbed.meters.map((meter) => ({ ...meter, intervalMs: 20 })),
      action: { agent: testbed.roles.actionAgent, name: testbed.action, params: { pollMs: POLL_MS } },
      iperf: { protocol: "udp", bitrateBps: 100e6, lengthBytes: 1200, intervalS: 0.1 },
      t1S: 1,
      t2S: 3,
    });
    const result = await runFailoverTimeline(plan, clients, { clock: systemClock, logger: silentLogger, signal: new AbortController().signal, runLabel: "lo" });
    expect(result.action).toMatchObject({ outcome: "succeeded", stdout: `receiver stalled for ${POLL_MS} ms\n` });
    const analysis = analyzeRun(assembleLiveRun(result.recorder.captures()), { triggerEvent: result.triggerEvent });
    expect(analysis.recovery.disrupted).toBe(true);
    expect(analysis.recovery.recoveryS).toBeGreaterThan(0);
    expect(analysis.recovery.recoveryS).toBeLessThan(2);
    expect(analysis.totals.lostPacketsAfterTrigger).toBeGreaterThan(0);
    expect(analysis.power.map((device) => device.device)).toEqual(["local/fpga", "local/nic"]);
  }, 60_000);
});
