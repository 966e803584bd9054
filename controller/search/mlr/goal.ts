/**
 * Search goals and the search config, compiled once: raw -> defaults -> validated -> frozen.
 * Validation follows CSIT MLRsearch 1.2.1 (SearchGoal.validate, Config setters); errors
 * name the option (through `optionName`, so the CLI can say `--exceed-ratio`) and quote the value.
 */
import { ValidationError, quote } from "../../../common/errors.js";

export interface SearchGoal {
  readonly name: string;
  /** A trial is low-loss when its loss ratio is not above this. [0, 1). */
  readonly lossRatio: number;
  /** Share of the duration sum that may be high-loss for a lower bound. [0, 1). */
  readonly exceedRatio: number;
  /** Stop when the relevant bounds are this close (relative). (0, 1). */
  readonly relativeWidth: number;
  readonly initialTrialDurationS: number;
  readonly finalTrialDurationS: number;
  readonly durationSumS: number;
  readonly precedingTargets: number;
  readonly expansionCoefficient: number;
  /** Raise "no lower bound" when min load turns out to be an upper bound. */
  readonly failFast: boolean;
}

export interface MlrConfig {
  readonly goals: readonly SearchGoal[];
  readonly minLoadPps: number;
  readonly maxLoadPps: number;
  /** Budget in seconds on the search's clock (effective trial seconds with a virtual clock). */
  readonly searchDurationMaxS: number;
  /** One discarded trial at max load before the search; 0 for none (CSIT passes 0). */
  readonly warmupDurationS: number;
}

export type OptionNamer = (key: string) => string;
const plainName: OptionNamer = (key) => key;

export const goalDefaults: Omit<SearchGoal, "name"> = Object.freeze({
  lossRatio: 0,
  exceedRatio: 0.5,
  relativeWidth: 0.005,
  initialTrialDurationS: 1,
  finalTrialDurationS: 1,
  durationSumS: 21,
  precedingTargets: 2,
  expansionCoefficient: 2,
  failFast: true,
});

function invalid(optionName: OptionNamer, key: string, value: unknown, rule: string, goalName?: string): ValidationError {
  const where = goalName === undefined ? "" : ` (goal ${goalName})`;
  return new ValidationError("SEARCH_OPTION_INVALID", `${optionName(key)}${where} must be ${rule}; got ${quote(value)}`, {
    context: { option: optionName(key), value: typeof value === "number" ? value : String(value), goal: goalName },
  });
}

function finite(value: number): boolean {
  return typeof value === "number" && Number.isFinite(value);
}

export function compileGoal(raw: Partial<SearchGoal> & { name: string }, optionName: OptionNamer = plainName): SearchGoal {
  const goal: SearchGoal = { ...goalDefaults, ...raw };
  const bad = (key: keyof SearchGoal, rule: string) => invalid(optionName, key, goal[key], rule, goal.name);
  if (!(finite(goal.lossRatio) && goal.lossRatio >= 0 && goal.lossRatio < 1)) throw bad("lossRatio", "in [0, 1)");
  if (!(finite(goal.exceedRatio) && goal.exceedRatio >= 0 && goal.exceedRatio < 1)) throw bad("exceedRatio", "in [0, 1)");
  if (!(finite(goal.relativeWidth) && goal.relativeWidth > 0 && goal.relativeWidth < 1)) throw bad("relativeWidth", "in (0, 1)");
  if (!(finite(goal.initialTrialDurationS) && goal.initialTrialDurationS > 0)) throw bad("initialTrialDurationS", "a positive number of seconds");
  if (!(finite(goal.finalTrialDurationS) && goal.finalTrialDurationS >= goal.initialTrialDurationS)) {
    throw bad("finalTrialDurationS", `at least the initial trial duration (${goal.initialTrialDurationS} s)`);
  }
  if (!(finite(goal.durationSumS) && goal.durationSumS >= goal.finalTrialDurationS)) {
    throw bad("durationSumS", `at least the final trial duration (${goal.finalTrialDurationS} s)`);
  }
  if (!(Number.isInteger(goal.expansionCoefficient) && goal.expansionCoefficient > 1)) throw bad("expansionCoefficient", "an integer above 1");
  if (!Number.isInteger(goal.precedingTargets) || goal.precedingTargets < 0) throw bad("precedingTargets", "a non-negative integer");
  if (goal.precedingTargets === 0 && goal.initialTrialDurationS < goal.durationSumS) {
    throw bad("precedingTargets", "at least 1 when the initial trial duration is shorter than the duration sum");
  }
  return Object.freeze(goal);
}

export interface RawMlrConfig {
  readonly goals: readonly SearchGoal[];
  readonly minLoadPps?: number;
  readonly maxLoadPps: number;
  readonly searchDurationMaxS?: number;
  readonly warmupDurationS?: number;
}

export function compileConfig(raw: RawMlrConfig, optionName: OptionNamer = plainName): MlrConfig {
  const config: MlrConfig = {
    goals: Object.freeze([...raw.goals]),
    minLoadPps: raw.minLoadPps ?? 9001,
    maxLoadPps: raw.maxLoadPps,
    searchDurationMaxS: raw.searchDurationMaxS ?? 1200,
    warmupDurationS: raw.warmupDurationS ?? 0,
  };
  const bad = (key: keyof MlrConfig, rule: string) => invalid(optionName, key, config[key], rule);
  if (config.goals.length === 0) throw new ValidationError("SEARCH_OPTION_INVALID", "the search needs at least one goal", { context: { option: "goals" } });
  const seen = new Set<string>();
  for (const goal of config.goals) {
    const { name: _name, ...fields } = goal;
    const key = JSON.stringify(fields);
    if (seen.has(key)) throw new ValidationError("SEARCH_OPTION_INVALID", `goal ${goal.name} duplicates an earlier goal; drop one of them`, { context: { option: "goals", goal: goal.name } });
    seen.add(key);
  }
  if (!(finite(config.minLoadPps) && config.minLoadPps > 0)) throw bad("minLoadPps", "a positive load in pps");
  if (!(finite(config.maxLoadPps) && config.maxLoadPps > config.minLoadPps)) throw bad("maxLoadPps", `above ${optionName("minLoadPps")} (${config.minLoadPps} pps)`);
  if (!(config.searchDurationMaxS > 0)) throw bad("searchDurationMaxS", "a positive number of seconds");
  if (!(finite(config.warmupDurationS) && config.warmupDurationS >= 0)) throw bad("warmupDurationS", "0 (no warm-up) or a positive number of seconds");
  return Object.freeze(config);
}
