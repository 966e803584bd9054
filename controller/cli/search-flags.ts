/**
 * The goal and config flags of `testbench search mlr` (names as in the conformance
 * vectors' README) and their translation into a validated MlrConfig.
 */
import { Command, Option } from "commander";
import { compileConfig, compileGoal, type MlrConfig } from "../search/mlr/goal.js";
import { presetGoals } from "../search/mlr/presets.js";
import { parseInteger, parseNumber } from "./numbers.js";

export interface MlrFlagValues {
  readonly preset?: string;
  readonly minLoad?: number;
  readonly maxLoad?: number;
  readonly pdrLossRatio?: number;
  readonly exceedRatio?: number;
  readonly width?: number;
  readonly initialDuration?: number;
  readonly finalDuration?: number;
  readonly durationSum?: number;
  readonly precedingTargets?: number;
  readonly expansionCoefficient?: number;
  readonly searchDurationMax?: number;
  readonly warmup?: number;
  readonly failFast?: boolean;
  readonly overhead?: number;
}

/** Default load limits: CSIT's soft minimum, and 64-byte line rate of 10GE. */
export const defaultMinLoadPps = 9001;
export const defaultMaxLoadPps = 1.488e7;

const flagOf: Readonly<Record<string, string>> = {
  lossRatio: "--pdr-loss-ratio",
  exceedRatio: "--exceed-ratio",
  relativeWidth: "--width",
  initialTrialDurationS: "--initial-duration",
  finalTrialDurationS: "--final-duration",
  durationSumS: "--duration-sum",
  precedingTargets: "--preceding-targets",
  expansionCoefficient: "--expansion-coefficient",
  minLoadPps: "--min-load",
  maxLoadPps: "--max-load",
  searchDurationMaxS: "--search-duration-max",
  warmupDurationS: "--warmup",
};

export const flagName = (key: string): string => flagOf[key] ?? key;

/** The flag-values key (camelCase, e.g. `exceedRatio` for --exceed-ratio) a config key is set by. */
export const valuesKeyOf = (key: string): string =>
  (flagOf[key] ?? key).replace(/^--/, "").replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());

export function addLoadFlags(command: Command): Command {
  return command
    .addOption(new Option("--min-load <pps>", `min load per direction (default ${defaultMinLoadPps})`).argParser(parseNumber))
    .addOption(new Option("--max-load <pps>", `max load per direction (default ${defaultMaxLoadPps})`).argParser(parseNumber))
    .addOption(new Option("--search-duration-max <s>", "give up after this many (effective trial) seconds (default 1200)").argParser(parseNumber))
    .addOption(new Option("--overhead <s>", "seconds added to every simulated trial's effective duration (default 0)").argParser(parseNumber));
}

export function addMlrFlags(command: Command): Command {
  return addLoadFlags(command)
    .addOption(new Option("--preset <name>", "goal set: csit-ndrpdr (NDR + PDR) or rfc2544 (one zero-loss goal, 60 s trials)").default("csit-ndrpdr"))
    .addOption(new Option("--pdr-loss-ratio <ratio>", "loss ratio of the PDR goal (default 0.005)").argParser(parseNumber))
    .addOption(new Option("--exceed-ratio <ratio>", "exceed ratio of every goal (default 0.5)").argParser(parseNumber))
    .addOption(new Option("--width <ratio>", "relative width goal (default 0.005)").argParser(parseNumber))
    .addOption(new Option("--initial-duration <s>", "initial trial duration (default 1)").argParser(parseNumber))
    .addOption(new Option("--final-duration <s>", "final trial duration (default 1)").argParser(parseNumber))
    .addOption(new Option("--duration-sum <s>", "duration sum that settles a load (default 21)").argParser(parseNumber))
    .addOption(new Option("--preceding-targets <n>", "coarser targets before each goal (default 2)").argParser(parseInteger))
    .addOption(new Option("--expansion-coefficient <n>", "external search width multiplier (default 2)").argParser(parseInteger))
    .addOption(new Option("--warmup <s>", "discarded warm-up trial at max load, seconds (default 0: none)").argParser(parseNumber))
    .addOption(new Option("--no-fail-fast", "report a missing lower bound instead of failing"));
}

export function mlrConfigFromFlags(values: MlrFlagValues, optionName: (key: string) => string = flagName): MlrConfig {
  const overrides = {
    ...(values.exceedRatio !== undefined && { exceedRatio: values.exceedRatio }),
    ...(values.width !== undefined && { relativeWidth: values.width }),
    ...(values.initialDuration !== undefined && { initialTrialDurationS: values.initialDuration }),
    ...(values.finalDuration !== undefined && { finalTrialDurationS: values.finalDuration }),
    ...(values.durationSum !== undefined && { durationSumS: values.durationSum }),
    ...(values.precedingTargets !== undefined && { precedingTargets: values.precedingTargets }),
    ...(values.expansionCoefficient !== undefined && { expansionCoefficient: values.expansionCoefficient }),
    ...(values.failFast !== undefined && { failFast: values.failFast }),
    ...(values.pdrLossRatio !== undefined && { pdrLossRatio: values.pdrLossRatio }),
  };
  const goals = presetGoals(values.preset ?? "csit-ndrpdr", overrides).map((goal) => compileGoal(goal, optionName));
  return compileConfig(
    {
      goals,
      minLoadPps: values.minLoad ?? defaultMinLoadPps,
      maxLoadPps: values.maxLoad ?? defaultMaxLoadPps,
      ...(values.searchDurationMax !== undefined && { searchDurationMaxS: values.searchDurationMax }),
      ...(values.warmup !== undefined && { warmupDurationS: values.warmup }),
    },
    optionName,
  );
}
