/** `testbench search plr`: PLRsearch soak search over a simulated device or an agent. */
import { Command, Option } from "commander";
import { VirtualClock } from "../../common/clock.js";
import { ValidationError } from "../../common/errors.js";
import { systemClock } from "../../common/system-clock.js";
import { runPlrSearchOnWorkers } from "../plr-workers/index.js";
import { withVirtualTime } from "../measurers/virtual-time.js";
import { formatPlrTrialLine, plrResultJson } from "../search/plr/index.js";
import type { Measurer } from "../search/measurer.js";
import { connectAgentMeasurer, type AgentFlagValues } from "./agent-measurer.js";
import type { CliContext } from "./context.js";
import { addDeviceFlags, type DeviceFlagValues } from "./device-flags.js";
import { deviceMeasurerFromFlags } from "./device-measurer.js";
import { parseInteger, parseNumber } from "./numbers.js";
import { inFlagTerms } from "./option-names.js";
import { defaultMaxLoadPps, defaultMinLoadPps } from "./search-flags.js";

export interface PlrFlagValues {
  readonly minLoad?: number;
  readonly maxLoad?: number;
  readonly target?: number;
  readonly timeout?: number;
  readonly trials?: number;
  readonly samples?: number;
  readonly overhead?: number;
  readonly json?: boolean;
}

/** On a simulated device trials take no wall time, so the integrator gets a fixed sample count. */
export const defaultSimulatedSamplesPerTrial = 1000;

const plrFlagOf: Readonly<Record<string, string>> = {
  minLoadPps: "--min-load",
  maxLoadPps: "--max-load",
  packetLossRatioTarget: "--target",
  timeoutS: "--timeout",
  maxTrials: "--trials",
  samplesPerTrial: "--samples",
};

const pps = (value: number) => `${Math.round(value).toLocaleString("en-US")} pps`;

export function plrCommand(context: CliContext, addAgentFlags: (command: Command) => Command): Command {
  return addAgentFlags(addDeviceFlags(new Command("plr")))
    .description("PLRsearch soak search (Bayesian, CSIT): the load where the loss ratio reaches --target")
    .addOption(new Option("--min-load <pps>", `min load per direction (default ${defaultMinLoadPps})`).argParser(parseNumber))
    .addOption(new Option("--max-load <pps>", `max load per direction (default ${defaultMaxLoadPps})`).argParser(parseNumber))
    .addOption(new Option("--target <ratio>", "packet loss ratio target (default 1e-7)").argParser(parseNumber))
    .addOption(new Option("--timeout <s>", "stop after this many trial seconds (default 1800; with --agent, wall-clock seconds)").argParser(parseNumber))
    .addOption(new Option("--trials <n>", "stop after this many trials").argParser(parseInteger))
    .addOption(new Option("--samples <n>", `integrator samples per fitting function per trial (default: as many as fit in the trial; ${defaultSimulatedSamplesPerTrial} with --device)`).argParser(parseInteger))
    .addOption(new Option("--overhead <s>", "seconds added to every simulated trial's effective duration").argParser(parseNumber))
    .option("--json", "print exactly one JSON object")
    .action(async (values: PlrFlagValues & DeviceFlagValues & AgentFlagValues) => {
      if (values.timeout !== undefined && values.trials !== undefined) {
        throw new ValidationError("CLI_OPTION_CONFLICT", "--timeout and --trials cannot be combined: give one limit", { context: { option: "--trials" } });
      }
      const viaAgent = values.agent !== undefined;
      const virtualClock = viaAgent ? null : new VirtualClock();
      let measurer: Measurer;
      let close = async () => {};
      if (viaAgent) {
        const agent = await connectAgentMeasurer(values, context.logger, context.signal);
        measurer = agent.measurer;
        close = () => agent.close();
      } else {
        measurer = withVirtualTime(deviceMeasurerFromFlags(values), virtualClock as VirtualClock);
      }
      try {
        const samples = values.samples ?? (viaAgent ? undefined : defaultSimulatedSamplesPerTrial);
        const result = await runPlrSearchOnWorkers({
          measurer,
          clock: virtualClock ?? systemClock,
          options: {
            minLoadPps: values.minLoad ?? defaultMinLoadPps,
            maxLoadPps: values.maxLoad ?? defaultMaxLoadPps,
            ...(values.target !== undefined && { packetLossRatioTarget: values.target }),
            ...(values.timeout !== undefined && { timeoutS: values.timeout }),
            ...(values.trials !== undefined && { maxTrials: values.trials }),
            ...(samples !== undefined && { samplesPerTrial: samples }),
          },
          signal: context.signal,
          onTrial: (record) => {
            if (!values.json) context.stdout(formatPlrTrialLine(record));
          },
        }).catch((error: unknown) => {
          throw inFlagTerms(error, plrFlagOf);
        });
        if (values.json) {
          context.stdout(JSON.stringify(plrResultJson(result)));
          return;
        }
        context.stdout(
          `\ncritical load: ${pps(result.avgPps)} +- ${pps(result.stdevPps)} (${pps(result.lowerPps)} .. ${pps(result.upperPps)}); ` +
            `${result.trialCount} trials, ${Number(result.trialSecondsSum.toFixed(3))} trial-seconds, ${Math.round(result.samplesPerSecond ?? 0).toLocaleString("en-US")} integrator samples/s`,
        );
      } finally {
        await close();
      }
    });
}
