/**
 * The agents of a failover run, connected: an embedded testbed starts its own (namespaces where
 * this process may create them, loopback otherwise); an agents testbed names them with URLs and
 * token files. close() disconnects and stops whatever was started.
 */
import { readFile } from "node:fs/promises";
import type { Logger } from "../../common/logger.js";
import { connectAgent, type AgentClient } from "../agents/agent-client.js";
import type { TestbedDefinition } from "../campaign/model.js";
import { startFailoverTestbed, type FailoverTestbedMode } from "../testbed/failover-testbed.js";
import { netnsUnavailable } from "../testbed/netns-topology.js";
import type { TestbedRoles } from "./settings-plan.js";

export interface ConnectedAgents {
  readonly clients: ReadonlyMap<string, AgentClient>;
  /** An embedded testbed's roles; null for an agents testbed (the file names them). */
  readonly roles: TestbedRoles | null;
  readonly mode: FailoverTestbedMode | "agents";
  close(): Promise<void>;
}

async function connectAll(agents: ReadonlyArray<{ id: string; url: string; token: string }>, logger: Logger, signal: AbortSignal): Promise<Map<string, AgentClient>> {
  const clients = new Map<string, AgentClient>();
  try {
    for (const agent of agents) {
      clients.set(agent.id, await connectAgent({ url: agent.url, token: agent.token, logger: logger.child({ agentId: agent.id }), clockSampleCount: 10, backoff: { maxAttempts: 3 } }, signal));
    }
    return clients;
  } catch (error) {
    for (const client of clients.values()) await client.close();
    throw error;
  }
}

export async function connectFailoverAgents(testbed: TestbedDefinition, logger: Logger, signal: AbortSignal): Promise<ConnectedAgents> {
  if (testbed.kind === "agents") {
    const agents = await Promise.all(testbed.agents.map(async (agent) => ({ id: agent.id, url: agent.url, token: (await readFile(agent.tokenFile, "utf8")).trim() })));
    const clients = await connectAll(agents, logger, signal);
    return { clients, roles: null, mode: "agents", close: async () => void (await Promise.all([...clients.values()].map((client) => client.close()))) };
  }
  const unavailable = await netnsUnavailable();
  if (unavailable !== null) logger.warn({ reason: unavailable }, "no network namespaces: the failover testbed runs on loopback (a receiver stall, not a path switch)");
  const bed = await startFailoverTestbed({ mode: unavailable === null ? "netns" : "loopback", logger, signal });
  try {
    const clients = await connectAll(bed.agents, logger, signal);
    return {
      clients,
      roles: { ...bed.roles, action: bed.action, meters: bed.meters },
      mode: bed.mode,
      close: async () => {
        await Promise.all([...clients.values()].map((client) => client.close()));
        await bed.close();
      },
    };
  } catch (error) {
    await bed.close();
    throw error;
  }
}
