/** `testbench search mlr`: MLRsearch over a simulated device, or a replayed vector file. */
import { VirtualClock } from "../../common/clock.js";
import { TestbenchError, ValidationError } from "../../common/errors.js";
import { ReplayMeasurer } from "../measurers/replay.js";
import { readVectorFile, type VectorFile } from "../measurers/vector-file.js";
import { withVirtualTime } from "../measurers/virtual-time.js";
import type { Measurer } from "../search/measurer.js";
import type { MlrConfig } from "../search/mlr/goal.js";
import { mlrSearch, type MlrOutcome, type SearchTrial } from "../search/mlr/search.js";
import { silentLogger, type Logger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import { connectAgentMeasurer, type AgentFlagValues } from "./agent-measurer.js";
import type { DeviceFlagValues } from "./device-flags.js";
import { deviceMeasurerFromFlags } from "./device-measurer.js";
import { parseReferenceArgs } from "./reference-args.js";
import { buildReport, type SearchReport } from "./report.js";
import { mlrConfigFromFlags, type MlrFlagValues } from "./search-flags.js";

export type MlrCommandValues = MlrFlagValues & DeviceFlagValues & AgentFlagValues & { readonly replay?: string };

export interface SearchRunOptions {
  readonly signal?: AbortSignal;
  readonly debug?: (message: string) => void;
  readonly onTrial?: (trial: SearchTrial) => void;
  readonly logger?: Logger;
}

/** Run MLRsearch through any measurer on a virtual clock (simulated and replayed trials take no wall time). */
export async function runMlrOnVirtualTime(config: MlrConfig, measurer: Measurer, options: SearchRunOptions): Promise<MlrOutcome> {
  const clock = new VirtualClock();
  return mlrSearch(config, withVirtualTime(measurer, clock), { clock, ...options });
}

export function mlrReport(outcome: MlrOutcome): SearchReport {
  return buildReport(outcome.goals, outcome.trials.map((trial) => trial.result), outcome.error);
}

/** Run MLRsearch through a real agent, on the wall clock (the budget counts real seconds, as in CSIT). */
export async function runMlrThroughAgent(config: MlrConfig, values: AgentFlagValues, options: SearchRunOptions): Promise<MlrOutcome> {
  const agent = await connectAgentMeasurer(values, options.logger ?? silentLogger, options.signal);
  try {
    return await mlrSearch(config, agent.measurer, { clock: systemClock, ...options });
  } finally {
    await agent.close();
  }
}

export async function runMlrCommand(values: MlrCommandValues, explicitFlags: readonly string[], options: SearchRunOptions): Promise<SearchReport> {
  if (values.replay !== undefined) return runReplay(values.replay, explicitFlags, options);
  if (values.agent !== undefined) {
    const deviceFlags = explicitFlags.filter((flag) => ["--device", "--mrr", "--spread", "--noise", "--seed", "--overhead"].includes(flag));
    if (deviceFlags.length > 0) {
      throw new ValidationError("CLI_OPTION_CONFLICT", `${deviceFlags.join(", ")} cannot be combined with --agent: the agent's traffic generator measures the real device`, { context: { option: deviceFlags[0] } });
    }
    return mlrReport(await runMlrThroughAgent(mlrConfigFromFlags(values), values, options));
  }
  const measurer = deviceMeasurerFromFlags(values);
  const outcome = await runMlrOnVirtualTime(mlrConfigFromFlags(values), measurer, options);
  return mlrReport(outcome);
}

async function runReplay(file: string, explicitFlags: readonly string[], options: SearchRunOptions): Promise<SearchReport> {
  const conflicting = explicitFlags.filter((flag) => flag !== "--replay" && flag !== "--json");
  if (conflicting.length > 0) {
    throw new ValidationError("CLI_OPTION_CONFLICT", `${conflicting.join(", ")} cannot be combined with --replay: the knobs come from the file's reference_args`, {
      context: { option: conflicting[0] },
    });
  }
  const vector = readVectorFile(file);
  const flags = parseReferenceArgs(vector.referenceArgs, file);
  const replay = new ReplayMeasurer(vector.trials, { overheadS: flags.overhead ?? 0, source: file });
  const outcome = await runMlrOnVirtualTime(mlrConfigFromFlags(flags), replay, options);
  replay.assertConsumed();
  checkRecordedResult(vector, outcome);
  return mlrReport(outcome);
}

function close(actual: number | null, expected: number | null): boolean {
  if (actual === null || expected === null) return actual === expected;
  return Math.abs(actual - expected) <= 1e-9 * Math.abs(expected);
}

/** The replayed search must also reach the recorded result (or the recorded error). */
function checkRecordedResult(vector: VectorFile, outcome: MlrOutcome): void {
  const fail = (what: string) =>
    new TestbenchError("REPLAY_RESULT_MISMATCH", `replay of ${vector.path} reached a different result: ${what}`, { context: { file: vector.path } });
  if (vector.error !== null) {
    if (!outcome.error) throw fail(`the file records the error "${vector.error.slice(0, 60)}...", the search succeeded`);
    return;
  }
  if (outcome.error) throw fail(`the search failed (${outcome.error.message}), the file records a result`);
  vector.goals.forEach((expected, index) => {
    const goal = outcome.goals[index];
    if (!goal) throw fail(`goal ${expected.goal} is missing`);
    const pairs: Array<[string, number | null, number | null]> = [
      ["conditional throughput", goal.conditionalThroughputPps, expected.conditionalThroughputPps],
      ["relevant lower bound", goal.relevantLowerBoundPps, expected.relevantLowerBoundPps],
      ["relevant upper bound", goal.relevantUpperBoundPps, expected.relevantUpperBoundPps],
    ];
    for (const [what, actual, recorded] of pairs) {
      if (!close(actual, recorded)) throw fail(`${expected.goal} ${what} is ${actual}, the file records ${recorded}`);
    }
  });
}
