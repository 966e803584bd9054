/**
 * The agent process: `testbench agent --config agent.yaml`. Loads the config, builds the traffic
 * generator, serves controllers until the signal aborts, then shuts everything down.
 */
import type { Clock } from "../common/clock.js";
import type { Logger } from "../common/logger.js";
import { systemClock } from "../common/system-clock.js";
import { Capability, PROTOCOL_VERSION } from "../common/wire/protocol.js";
import { SOFTWARE_VERSION } from "../common/wire/software-version.js";
import { createWallClockNs } from "../common/wire/wall-clock-ns.js";
import { FRAME_SIZE_RANGE_BYTES, type AgentConfig } from "./config/agent-config.js";
import { loadAgentConfig } from "./config/load-agent-config.js";
import type { TrafficGenerator } from "./drivers/traffic-generator.js";
import { createGenerator } from "./server/create-generator.js";
import { createInstruments } from "./streams/create-instruments.js";
import { startAgentServer } from "./server/agent-server.js";
import { GeneratorOwnership } from "./session/generator-ownership.js";
import { SerialQueue } from "./session/serial-queue.js";

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
  const wallClockNs = createWallClockNs(clock);
  const { instruments, capabilities } = createInstruments(config, clock, wallClockNs);
  const server = await startAgentServer({
    host: config.listen.host,
    port: config.listen.port,
    token: config.token,
    tls: config.tls,
    clock,
    logger,
    context: {
      hello: Object.freeze({
        agentId: config.agentId,
        softwareVersion: SOFTWARE_VERSION,
        protocolVersion: PROTOCOL_VERSION,
        capabilities: Object.freeze([Capability.trial, ...capabilities]),
        heartbeatIntervalS: config.heartbeatIntervalS,
        maxMessageBytes: config.limits.maxMessageBytes,
        maxPendingRequests: config.limits.maxPendingRequests,
        ports: config.generator.ports,
      }),
      generator,
      trialDefaults: { frameSizeBytes: config.generator.frameSizeBytes, ports: config.generator.ports, frameSizeRangeBytes: FRAME_SIZE_RANGE_BYTES },
      ownership: new GeneratorOwnership(),
      trialQueue: new SerialQueue(),
      clock,
      wallClockNs,
      instruments,
    },
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
