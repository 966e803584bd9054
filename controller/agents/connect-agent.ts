import { AgentClient, type AgentClientOptions } from "./agent-client.js";

/** Start a client and wait for its first connection (rejecting on a refused token or a protocol mismatch). */
export async function connectAgent(options: AgentClientOptions, signal?: AbortSignal): Promise<AgentClient> {
  const client = new AgentClient(options).start();
  try {
    await client.connection(signal);
    return client;
  } catch (error) {
    await client.close();
    throw error;
  }
}
