/**
 * `testbench deploy INVENTORY [--hosts a,b] [--dry-run]` and `testbench deploy status|stop|logs
 * INVENTORY`: roll agents out over SSH and manage their services (docs/deploy.md). Prints one
 * row per host; exits 1 when any host failed, 2 for a bad inventory or flag.
 */
import { fileURLToPath } from "node:url";
import { Command, Option } from "commander";
import { systemClock } from "../../common/system-clock.js";
import { DeployErrorCode, deployUsageError } from "../../deploy/errors.js";
import { deployInventory, formatResultTable, isFailure, loadInventory, serviceInventory, summarize, type HostResult, type ServiceAction } from "../../deploy/index.js";
import { exitCodes, type CliContext } from "./context.js";

/** The checkout (or installed bundle) this command runs from: its build is what gets deployed. */
export const defaultDeployRoot = fileURLToPath(new URL(import.meta.url.endsWith(".ts") ? "../../" : "../../../", import.meta.url));

interface CommonFlags {
  readonly hosts?: string;
  readonly parallel: string;
}

function hostList(flags: CommonFlags): string[] | undefined {
  return flags.hosts?.split(",").map((name) => name.trim()).filter((name) => name !== "");
}

function parallelOf(flags: CommonFlags): number {
  const value = Number(flags.parallel);
  if (!Number.isInteger(value) || value < 1 || value > 256) {
    throw deployUsageError(DeployErrorCode.optionInvalid, `--parallel must be an integer in [1, 256], got ${JSON.stringify(flags.parallel)}`, { option: "--parallel" });
  }
  return value;
}

function report(context: CliContext, results: readonly HostResult[], withLines: boolean): void {
  context.stdout(formatResultTable(results, withLines));
  context.stdout(summarize(results));
  if (results.some(isFailure)) process.exitCode = exitCodes.failed;
}

function withCommonOptions(command: Command): Command {
  return command
    .argument("<inventory>", "the inventory file (YAML: hosts, groups, SSH settings, agent config)")
    .addOption(new Option("--hosts <names>", "only these hosts or groups, comma-separated"))
    .addOption(new Option("--parallel <n>", "hosts worked on at once").default("8"));
}

function serviceCommand(context: CliContext, name: "status" | "stop" | "logs", description: string): Command {
  const command = withCommonOptions(new Command(name).description(description));
  if (name === "logs") command.addOption(new Option("--lines <n>", "log lines per host").default("50"));
  return command.action(async (file: string, flags: CommonFlags & { lines?: string }) => {
    const lines = Number(flags.lines ?? 50);
    if (name === "logs" && (!Number.isInteger(lines) || lines < 1)) {
      throw deployUsageError(DeployErrorCode.optionInvalid, `--lines must be a positive integer, got ${JSON.stringify(flags.lines)}`, { option: "--lines" });
    }
    const action: ServiceAction = name === "logs" ? { kind: "logs", lines } : { kind: name };
    const inventory = await loadInventory(file);
    const results = await serviceInventory({
      inventory,
      hosts: hostList(flags),
      parallel: parallelOf(flags),
      action,
      clock: systemClock,
      logger: context.logger,
      signal: context.signal,
    });
    report(context, results, name === "logs");
  });
}

export function deployCommand(context: CliContext): Command {
  const deploy = withCommonOptions(new Command("deploy"))
    .description("install or update agents over SSH and run them as services (docs/deploy.md)")
    .addOption(new Option("--dry-run", "connect and print what would change, change nothing"))
    .addOption(new Option("--from <dir>", "the testbench build to deploy (dist/, package.json, node_modules/)").default(defaultDeployRoot, "this installation"))
    .action(async (file: string, flags: CommonFlags & { dryRun?: boolean; from: string }) => {
      const inventory = await loadInventory(file);
      const { bundle, results } = await deployInventory({
        inventory,
        hosts: hostList(flags),
        parallel: parallelOf(flags),
        dryRun: flags.dryRun === true,
        root: flags.from,
        clock: systemClock,
        logger: context.logger,
        signal: context.signal,
      });
      context.stdout(`bundle ${bundle.version} ${bundle.sha256.slice(0, 12)} (${(bundle.sizeBytes / 1024 / 1024).toFixed(1)} MiB)${flags.dryRun ? ", dry run: nothing changes" : ""}`);
      report(context, results, flags.dryRun === true || results.some(isFailure));
    });
  deploy.addCommand(serviceCommand(context, "status", "show whether each host's agent runs and answers"));
  deploy.addCommand(serviceCommand(context, "stop", "stop each host's agent service"));
  deploy.addCommand(serviceCommand(context, "logs", "print the end of each host's agent log"));
  return deploy;
}
