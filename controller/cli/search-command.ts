/** `testbench search mlr|rfc2544`. */
import { Command, Option } from "commander";
import { lossRatio } from "../search/measurer.js";
import type { SearchTrial } from "../search/mlr/search.js";
import type { AgentFlagValues } from "./agent-measurer.js";
import type { CliContext } from "./context.js";
import { parseInteger } from "./numbers.js";
import { exitCodes } from "./context.js";
import { addDeviceFlags } from "./device-flags.js";
import { reportJson, reportTable, type SearchReport } from "./report.js";
import { addLoadFlags, addMlrFlags } from "./search-flags.js";
import { runMlrCommand, type MlrCommandValues } from "./search-mlr.js";
import { plrCommand } from "./search-plr.js";
import { addRfc2544Flags, runRfc2544Command, type Rfc2544CommandValues } from "./search-rfc2544.js";

/** Flags the user typed (not defaults), as `--name`, for conflict checks. */
function explicitFlags(command: Command): string[] {
  return command.options
    .filter((option) => command.getOptionValueSource(option.attributeName()) === "cli")
    .map((option) => option.long ?? option.flags);
}

function addAgentFlags(command: Command): Command {
  return command
    .addOption(new Option("--agent <url>", "run the trials through an agent, e.g. ws://127.0.0.1:8765"))
    .addOption(new Option("--token-file <file>", "file holding the agent's token (with --agent)"))
    .addOption(new Option("--frame-size <bytes>", "frame size for agent trials (default: the agent's)").argParser(parseInteger));
}

/** One progress line per trial on stderr, when a person watches. */
function progress(context: CliContext): ((trial: SearchTrial) => void) | undefined {
  if (!context.interactive) return undefined;
  return ({ index, warmup, result }) => {
    const ratio = lossRatio(result);
    context.stderr(`trial ${index}${warmup ? " (warm-up)" : ""}: ${Math.round(result.loadPps).toLocaleString("en-US")} pps x ${result.durationS} s, loss ratio ${ratio.toExponential(3)}`);
  };
}

function print(context: CliContext, report: SearchReport, json: boolean): void {
  context.stdout(json ? reportJson(report) : reportTable(report));
  if (report.error !== null) process.exitCode = exitCodes.failed;
}

export function searchCommand(context: CliContext): Command {
  const search = new Command("search").description("find the throughput of a device under test");
  const debug = (message: string) => context.logger.debug({ search: true }, message);

  const mlr = addAgentFlags(addMlrFlags(addDeviceFlags(new Command("mlr"))))
    .description("MLRsearch (RFC 9971, CSIT NDR/PDR) over a simulated device, a replayed vector file, or an agent")
    .addOption(new Option("--replay <file>", "replay a conformance vector file; the knobs come from its reference_args"))
    .option("--json", "print exactly one JSON object")
    .action(async (values: MlrCommandValues & { json?: boolean }, command: Command) => {
      const onTrial = progress(context);
      const report = await runMlrCommand(values, explicitFlags(command), { signal: context.signal, debug, logger: context.logger, ...(onTrial && { onTrial }) });
      print(context, report, values.json === true);
    });

  const rfc2544 = addAgentFlags(addRfc2544Flags(addLoadFlags(addDeviceFlags(new Command("rfc2544")))))
    .description("RFC 2544 binary search (the baseline) over a simulated device or an agent")
    .option("--json", "print exactly one JSON object")
    .action(async (values: Rfc2544CommandValues & AgentFlagValues & { json?: boolean }) => {
      const report = await runRfc2544Command(values, { signal: context.signal, debug, logger: context.logger });
      print(context, report, values.json === true);
    });

  return search.addCommand(mlr).addCommand(rfc2544).addCommand(plrCommand(context, addAgentFlags));
}
