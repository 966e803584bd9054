/**
 * The agent process: `testbench agent --config agent.yaml`. Loads the config, builds the traffic
 * generator, serves controllers until the signal aborts, then shuts everything down.
 */
import type { Clock } from "../common/clock.js";
import type { Logger } from "../common/logger.js";
import { systemClock } from "../common/system-clock.js";
import type { AgentConfig } from "./config/agent-config.js";
import { loadAgentConfig } from "./config/load-agent-config.js";
import type { TrafficGenerator } from "./drivers/traffic-generator.js";
import { createGenerator } from "./server/create-generator.js";
import { startAgentServer } from "./server/agent-server.js";
import { agentSessionContext } from "./session-context.js";

export interface RunAgentOptions {
  /** Aborting it shuts the agent down (controllers get AGENT_SHUTTING_DOWN, then the close). */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Use this generator instead of the one the config describes (tests, benchmarks). */
  readonly generator?: TrafficGenerator;
}

export interface RunningAgent {
  readonly agentId: string;
  readonly host: string;
  /** The bound port (useful with listen.port 0). */
  readonly port: number;
  readonly url: string;
  /** Settles once the agent has shut down after the signal aborted. */
  readonly done: Promise<void>;
}

/** Start an agent from a validated config. */
export async function startAgent(config: AgentConfig, options: RunAgentOptions): Promise<RunningAgent> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger.child({ agentId: config.agentId });
  const generator = options.generator ?? createGenerator(config.generator, { clock, logger });
  const { context, capabilities } = agentSessionContext(config, generator, clock);
  const server = await startAgentServer({
    host: config.listen.host,
    port: config.listen.port,
    token: config.token,
    tls: config.tls,
    clock,
    logger,
    context,
  }).catch(async (error: unknown) => {
    await generator.close();
    throw error;
  });
  logger.info({ url: server.url, generator: config.generator.kind, capabilities, file: config.file }, "agent ready");

  const done = new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    else options.signal.addEventListener("abort", () => resolve(), { once: true });
  }).then(async () => {
    logger.info("agent shutting down");
    try {
      await server.close();
    } finally {
      await generator.close();
    }
    logger.info("agent stopped");
  });
  return Object.freeze({ agentId: config.agentId, host: server.host, port: server.port, url: server.url, done });
}

/** Load agent.yaml and start the agent; resolves once it listens. */
export async function runAgent(configPath: string, options: RunAgentOptions): Promise<RunningAgent> {
  return startAgent(await loadAgentConfig(configPath), options);
}
