/**
 * Start the agent's server directly, with the options main.ts does not pass yet (TLS, limits),
 * on 127.0.0.1 with a simulated generator; the session context is built the way main.ts builds it.
 */
import { pino, type Logger } from "pino";
import { Writable } from "node:stream";
import { startAgentServer, type AgentServer, type AgentServerOptions } from "../../../../agent/server/agent-server.js";
import { createGenerator } from "../../../../agent/server/create-generator.js";
import { agentSessionContext } from "../../../../agent/session-context.js";
import { redactedPaths, silentLogger } from "../../../../common/logger.js";
import { systemClock } from "../../../../common/system-clock.js";
import { testAgentConfig } from "../../../fixtures/wire/agent-harness.js";

export type ServerFixtureOptions = Partial<Omit<AgentServerOptions, "context" | "clock">> & { readonly logger?: Logger };

export async function startFixtureServer(options: ServerFixtureOptions = {}): Promise<AgentServer> {
  const config = testAgentConfig();
  const clock = systemClock;
  const logger = options.logger ?? silentLogger;
  const { context } = agentSessionContext(config, createGenerator(config.generator, { clock, logger }), clock);
  return startAgentServer({
    host: "127.0.0.1",
    port: 0,
    token: config.token,
    ...options,
    clock,
    logger,
    context,
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
