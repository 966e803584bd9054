#!/usr/bin/env node
/**
 * The `testbench` (alias `tb`) command. It only wires commands together: controller
 * commands come from controller/cli, agent-side ones from agent/, so neither imports the other.
 */
import { Command, CommanderError } from "commander";
import { isTestbenchError } from "../common/errors.js";
import { createRootLogger } from "../common/logger.js";
import { exitCodes, type CliContext } from "../controller/cli/context.js";
import { searchCommand } from "../controller/cli/search-command.js";
import { startCommand } from "../controller/cli/start-command.js";
import { runCommand } from "../controller/cli/run-command.js";
import { exportCommand } from "../controller/cli/export-command.js";
import { reportCommand } from "../controller/cli/report-command.js";
import { lbsimCommand } from "../controller/cli/lbsim-command.js";
import { deployCommand } from "../controller/cli/deploy-command.js";
import { agentCommand } from "../agent/cli/agent-command.js";
import { trexEmulatorCommand } from "../agent/cli/trex-emulator-command.js";

function describeError(error: unknown): { text: string; exitCode: number } {
  if (isTestbenchError(error)) {
    return { text: `testbench: error [${error.code}]: ${error.message}`, exitCode: error.userError ? exitCodes.usage : exitCodes.failed };
  }
  if (error instanceof Error && error.name === "AbortError") return { text: "testbench: interrupted", exitCode: exitCodes.interrupted };
  const detail = error instanceof Error ? (process.env["TESTBENCH_DEBUG"] ? (error.stack ?? error.message) : error.message) : String(error);
  return { text: `testbench: internal error: ${detail}\n(set TESTBENCH_DEBUG=1 for a stack trace, and please report it)`, exitCode: exitCodes.failed };
}

// `testbench export ... | head`: a reader that goes away is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(exitCodes.ok);
  throw error;
});

export async function main(argv: readonly string[]): Promise<number> {
  const abort = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(exitCodes.interrupted);
    abort.abort(Object.assign(new Error("interrupted by signal"), { name: "AbortError" }));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // A helper process of a controller (embedded testbed) runs in its own process group, so a
  // terminal's Ctrl-C does not cut its trial short; it stops when its parent closes its stdin
  // (which also happens when the parent dies, even by kill -9).
  if (process.env["TESTBENCH_LIFELINE"] === "stdin") {
    process.stdin.on("end", onSignal);
    process.stdin.resume();
  }
  const context: CliContext = {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    signal: abort.signal,
    logger: createRootLogger(),
    interactive: process.stderr.isTTY === true,
  };
  const program = new Command("testbench")
    .description("Testbench: throughput searches, agents and campaigns for network hardware labs")
    .version(process.env["npm_package_version"] ?? "0.1.0")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .addCommand(startCommand(context))
    .addCommand(searchCommand(context))
    .addCommand(runCommand(context))
    .addCommand(exportCommand(context))
    .addCommand(reportCommand(context))
    .addCommand(lbsimCommand(context))
    .addCommand(deployCommand(context))
    .addCommand(agentCommand(context))
    .addCommand(trexEmulatorCommand(context));
  for (const command of program.commands) command.exitOverride();
  for (const command of program.commands.flatMap((c) => c.commands)) command.exitOverride();
  try {
    await program.parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    const { text, exitCode } = describeError(error);
    context.stderr(text);
    return exitCode;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.stdin.off("end", onSignal);
    process.stdin.pause();
  }
}

const exitCode = await main(process.argv.slice(2));
process.exitCode = exitCode;
