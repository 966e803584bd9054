/** `testbench search rfc2544`: RFC 2544 binary search over a simulated device. */
import { Command, Option } from "commander";
import { VirtualClock } from "../../common/clock.js";
import { TestbenchError } from "../../common/errors.js";
import type { Rfc2544Options } from "../search/rfc2544/options.js";
import { runRfc2544Search, type Rfc2544Result } from "../search/rfc2544/search.js";
import type { Measurer, TrialResult } from "../search/measurer.js";
import type { DeviceFlagValues } from "./device-flags.js";
import { deviceMeasurerFromFlags } from "./device-measurer.js";
import { parseNumber } from "./numbers.js";
import { inFlagTerms } from "./option-names.js";
import { buildReport, type ReportGoal, type SearchReport } from "./report.js";
import { defaultMaxLoadPps, defaultMinLoadPps } from "./search-flags.js";
import type { SearchRunOptions } from "./search-mlr.js";
import { withVirtualTime } from "../measurers/virtual-time.js";
import { silentLogger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import { connectAgentMeasurer, type AgentFlagValues } from "./agent-measurer.js";

export interface Rfc2544FlagValues {
  readonly minLoad?: number;
  readonly maxLoad?: number;
  readonly lossRatio?: number;
  readonly trialDuration?: number;
  readonly resolution?: number;
  readonly searchDurationMax?: number;
  readonly overhead?: number;
}

export type Rfc2544CommandValues = Rfc2544FlagValues & DeviceFlagValues;

export function addRfc2544Flags(command: Command): Command {
  return command
    .addOption(new Option("--loss-ratio <ratio>", "a trial passes when its loss ratio is at most this (default 0)").argParser(parseNumber))
    .addOption(new Option("--trial-duration <s>", "duration of every trial (default 60, RFC 2544 §26.1)").argParser(parseNumber))
    .addOption(new Option("--resolution <ratio>", "stop when (upper - lower) / upper is at most this (default 0.005)").argParser(parseNumber));
}

const flagOf: Readonly<Record<string, string>> = {
  minLoadPps: "--min-load",
  maxLoadPps: "--max-load",
  lossRatio: "--loss-ratio",
  trialDurationS: "--trial-duration",
  relativeResolution: "--resolution",
  searchDurationMaxS: "--search-duration-max",
};

function recording(measurer: Measurer, trials: TrialResult[]): Measurer {
  return {
    measure: async (request, signal) => {
      const result = await measurer.measure(request, signal);
      trials.push(result);
      return result;
    },
  };
}

/** RFC 2544 search options from flag values (validated by the search's own compile step). */
export function rfc2544OptionsFromFlags(values: Rfc2544FlagValues): Rfc2544Options {
  return {
    minLoadPps: values.minLoad ?? defaultMinLoadPps,
    maxLoadPps: values.maxLoad ?? defaultMaxLoadPps,
    lossRatio: values.lossRatio ?? 0,
    ...(values.trialDuration !== undefined && { trialDurationS: values.trialDuration }),
    ...(values.resolution !== undefined && { relativeResolution: values.resolution }),
    ...(values.searchDurationMax !== undefined && { searchDurationMaxS: values.searchDurationMax }),
  };
}

/** Which flag-values key sets each RFC 2544 option. */
export const rfc2544ValuesKeyOf: Readonly<Record<string, string>> = {
  minLoadPps: "minLoad",
  maxLoadPps: "maxLoad",
  lossRatio: "lossRatio",
  trialDurationS: "trialDuration",
  relativeResolution: "resolution",
  searchDurationMaxS: "searchDurationMax",
};

/** Run RFC 2544 binary search through any measurer; failures come back as a report with `error` set. */
export async function runRfc2544(values: Rfc2544FlagValues, measurer: Measurer, clock: VirtualClock | null, options: SearchRunOptions): Promise<SearchReport> {
  const trials: TrialResult[] = [];
  const searchClock = clock ?? systemClock;
  const timed = clock ? withVirtualTime(recording(measurer, trials), clock) : recording(measurer, trials);
  const { lossRatio = 0 } = values;
  const goal = (result: Partial<Rfc2544Result>): ReportGoal => ({
    name: "RFC2544-binary",
    lossRatio,
    conditionalThroughputPps: result.throughputPps ?? null,
    relevantLowerBoundPps: result.lowerBoundPps ?? null,
    relevantUpperBoundPps: result.upperBoundPps ?? null,
    regular: result.lowerBoundPps != null && result.upperBoundPps != null,
  });
  try {
    const result = await runRfc2544Search({
      measurer: timed,
      clock: searchClock,
      options: rfc2544OptionsFromFlags(values),
      ...(options.signal && { signal: options.signal }),
      ...(options.debug && { debug: options.debug }),
    });
    return buildReport([goal(result)], trials, null);
  } catch (error) {
    if (!(error instanceof TestbenchError)) throw error;
    if (error.userError) throw inFlagTerms(error, flagOf);
    if (error.code !== "SEARCH_TIMEOUT" && error.code !== "SEARCH_NO_LOWER_BOUND") throw error;
    const lower = error.context["lowerBoundPps"];
    const upper = error.context["upperBoundPps"] ?? (error.code === "SEARCH_NO_LOWER_BOUND" ? error.context["loadPps"] : null);
    const known = { lowerBoundPps: typeof lower === "number" ? lower : undefined, upperBoundPps: typeof upper === "number" ? upper : null };
    return buildReport([goal({ ...known, ...(known.lowerBoundPps !== undefined && { throughputPps: known.lowerBoundPps }) })], trials, error);
  }
}

export async function runRfc2544Command(values: Rfc2544CommandValues & AgentFlagValues, options: SearchRunOptions): Promise<SearchReport> {
  if (values.agent === undefined) return runRfc2544(values, deviceMeasurerFromFlags(values), new VirtualClock(), options);
  const agent = await connectAgentMeasurer(values, options.logger ?? silentLogger, options.signal);
  try {
    return await runRfc2544(values, agent.measurer, null, options);
  } finally {
    await agent.close();
  }
}
