/**
 * A failover testbed of local agent processes (docs/failover.md "Testbeds"). `netns`: a client and
 * a server namespace with a DUT between them (primary and backup path), an agent in each end host
 * and one in the root namespace that owns the DUT's failover action. `loopback` (no root): one
 * agent on 127.0.0.1 in both roles; its "failover" stalls the receiver (loopback-stall.ts).
 * Every agent has iperf3 and a simulated power meter; close() stops them and deletes everything.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Logger } from "../../common/logger.js";
import { failoverAgentYaml, type FailoverAgentConfig } from "./agent-config.js";
import { startAgentProcess } from "./agent-process.js";
import type { RunningChild } from "./child.js";
import { netnsFailoverScript, writeScript } from "./failover-script.js";
import { loopbackStallScript } from "./loopback-stall.js";
import { createFailoverTopology, type FailoverTopology } from "./netns-topology.js";

export type FailoverTestbedMode = "netns" | "loopback";

export interface FailoverTestbedAgent {
  readonly id: string;
  readonly url: string;
  readonly token: string;
}

export interface FailoverTestbed {
  readonly mode: FailoverTestbedMode;
  readonly agents: readonly FailoverTestbedAgent[];
  /** Which agent plays which part, and where the client sends. */
  readonly roles: { readonly client: string; readonly server: string; readonly actionAgent: string; readonly target: string; readonly port: number };
  readonly meters: ReadonlyArray<{ readonly agent: string; readonly meter: string }>;
  readonly action: string;
  readonly topology: FailoverTopology | null;
  close(): Promise<void>;
}

export interface FailoverTestbedOptions {
  readonly mode: FailoverTestbedMode;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  /** iperf3 port of the session. */
  readonly port?: number;
  readonly meterIntervalMs?: number;
}

export const FAILOVER_ACTION = "failover";

const meter = (name: string, powerW: number, intervalMs: number, seed: number) => ({ name, intervalMs, levels: [{ atS: 0, powerW }], noiseW: 0.5, seed });

export async function startFailoverTestbed(options: FailoverTestbedOptions): Promise<FailoverTestbed> {
  const dir = await mkdtemp(path.join(tmpdir(), "testbench-failover-"));
  const children: RunningChild[] = [];
  let topology: FailoverTopology | null = null;
  const close = async () => {
    for (const child of children.reverse()) await child.stop();
    await topology?.destroy();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const token = randomBytes(24).toString("hex");
    const tokenFile = path.join(dir, "agent.token");
    await writeFile(tokenFile, `${token}\n`, { mode: 0o600 });
    const port = options.port ?? 5301;
    const intervalMs = options.meterIntervalMs ?? 20;
    const action = { name: FAILOVER_ACTION, integerParams: { pollMs: { min: 0, max: 10_000 } }, timeoutS: 30 };
    const agentsToStart: Array<{ config: FailoverAgentConfig; netns: string | null }> = [];
    let target = "127.0.0.1";
    if (options.mode === "netns") {
      topology = await createFailoverTopology();
      target = topology.serviceAddress;
      const script = await writeScript(path.join(dir, "failover.sh"), netnsFailoverScript(topology));
      const common = { tokenFile, iperf3: true, actions: [] };
      agentsToStart.push(
        { config: { ...common, agentId: "client", host: topology.clientManagement, meters: [meter("nic", 12, intervalMs, 1)] }, netns: topology.client },
        { config: { ...common, agentId: "server", host: topology.serverManagement, meters: [meter("nic", 14, intervalMs, 2)] }, netns: topology.server },
        { config: { ...common, agentId: "dut", host: "127.0.0.1", iperf3: false, meters: [meter("fpga", 45, intervalMs, 3)], actions: [{ ...action, command: [script, "{pollMs}"] }] }, netns: null },
      );
    } else {
      const script = await writeScript(path.join(dir, "stall.sh"), loopbackStallScript(port));
      agentsToStart.push({
        config: { agentId: "local", host: "127.0.0.1", tokenFile, iperf3: true, meters: [meter("nic", 12, intervalMs, 1), meter("fpga", 45, intervalMs, 3)], actions: [{ ...action, command: [script, "{pollMs}"] }] },
        netns: null,
      });
    }
    const agents: FailoverTestbedAgent[] = [];
    for (const { config, netns } of agentsToStart) {
      const configFile = path.join(dir, `${config.agentId}.yaml`);
      await writeFile(configFile, failoverAgentYaml(config));
      const started = await startAgentProcess({ name: `agent ${config.agentId}`, configFile, netns, logger: options.logger, ...(options.signal && { signal: options.signal }) });
      children.push(started.child);
      agents.push({ id: config.agentId, url: started.url, token });
    }
    const ids = agents.map((agent) => agent.id);
    const [client = "local", server = client, actionAgent = server] = ids;
    return {
      mode: options.mode,
      agents,
      roles: { client, server, actionAgent, target, port },
      meters: agentsToStart.flatMap(({ config }) => config.meters.map((m) => ({ agent: config.agentId, meter: m.name }))),
      action: FAILOVER_ACTION,
      topology,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
