/**
 * Start the agent's server directly, with the options main.ts does not pass yet (TLS, limits),
 * on 127.0.0.1 with a simulated generator; the session context is built the way main.ts builds it.
 */
import { pino, type Logger } from "pino";
import { Writable } from "node:stream";
import { FRAME_SIZE_RANGE_BYTES } from "../../../../agent/config/agent-config.js";
import { startAgentServer, type AgentServer, type AgentServerOptions } from "../../../../agent/server/agent-server.js";
import { createGenerator } from "../../../../agent/server/create-generator.js";
import { createInstruments } from "../../../../agent/streams/create-instruments.js";
import { GeneratorOwnership } from "../../../../agent/session/generator-ownership.js";
import { SerialQueue } from "../../../../agent/session/serial-queue.js";
import { redactedPaths, silentLogger } from "../../../../common/logger.js";
import { systemClock } from "../../../../common/system-clock.js";
import { Capability, PROTOCOL_VERSION } from "../../../../common/wire/protocol.js";
import { SOFTWARE_VERSION } from "../../../../common/wire/software-version.js";
import { createWallClockNs } from "../../../../common/wire/wall-clock-ns.js";
import { testAgentConfig } from "../../../fixtures/wire/agent-harness.js";

export type ServerFixtureOptions = Partial<Omit<AgentServerOptions, "context" | "clock">> & { readonly logger?: Logger };

export async function startFixtureServer(options: ServerFixtureOptions = {}): Promise<AgentServer> {
  const config = testAgentConfig();
  const clock = systemClock;
  const wallClockNs = createWallClockNs(clock);
  const logger = options.logger ?? silentLogger;
  const { instruments, capabilities } = createInstruments(config, clock, wallClockNs);
  return startAgentServer({
    host: "127.0.0.1",
    port: 0,
    token: config.token,
    ...options,
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
      generator: createGenerator(config.generator, { clock, logger }),
      trialDefaults: { frameSizeBytes: config.generator.frameSizeBytes, ports: config.generator.ports, frameSizeRangeBytes: FRAME_SIZE_RANGE_BYTES },
      ownership: new GeneratorOwnership(),
      trialQueue: new SerialQueue(),
      clock,
      wallClockNs,
      instruments,
    },
  });
}

/** A pino logger (with the root logger's redaction) whose JSON lines the test can read. */
export function capturingLogger(level = "debug"): { logger: Logger; text: () => string; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  const logger = pino({ level, redact: { paths: redactedPaths, censor: "[redacted]" } }, stream);
  const text = (): string => chunks.join("");
  return { logger, text, lines: () => text().split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}
