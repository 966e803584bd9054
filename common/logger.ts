import { pino, type Logger, type LoggerOptions } from "pino";

export type { Logger } from "pino";

/** Keys whose values never reach a log line. */
export const redactedPaths = ["token", "*.token", "password", "*.password", "secret", "*.secret", "authorization", "*.authorization"];

/**
 * The one root logger of a process, made at its entry point. Everything else takes a
 * Logger (or a child of it) as a parameter. JSON to stderr by default, so stdout stays
 * free for results.
 */
export function createRootLogger(options: { level?: string; name?: string } = {}): Logger {
  const config: LoggerOptions = {
    name: options.name ?? "testbench",
    level: options.level ?? process.env["TESTBENCH_LOG_LEVEL"] ?? "warn",
    redact: { paths: redactedPaths, censor: "[redacted]" },
  };
  return pino(config, pino.destination(2));
}

/** A logger that drops everything (library defaults, tests). */
export const silentLogger: Logger = pino({ level: "silent" });
