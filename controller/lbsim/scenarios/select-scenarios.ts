/**
 * Picking scenarios by name and checking a campaign before it runs: unique names, at least one
 * algorithm each, and every run config compiled (so a bad picker fails before any work starts).
 */
import { ValidationError, quote } from "../../../common/errors.js";
import { compileSimConfig } from "../config/compile-config.js";
import type { CompiledSimConfig } from "../config/compiled.js";
import { LBSIM_ERROR_CODES } from "../errors.js";
import { BUILTIN_SCENARIOS } from "./builtin-campaign.js";
import { runConfigFor, type LbsimScenario } from "./scenario-types.js";

/** The scenarios called `names`, in the campaign's order; all of them when `names` is empty or absent. */
export function selectScenarios(names: readonly string[] | undefined, scenarios: readonly LbsimScenario[] = BUILTIN_SCENARIOS): LbsimScenario[] {
  if (names === undefined || names.length === 0) return [...scenarios];
  const known = new Set(scenarios.map((scenario) => scenario.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new ValidationError(
      LBSIM_ERROR_CODES.scenarioUnknown,
      `lbsim: no scenario ${unknown.map((name) => quote(name)).join(", ")}; known: ${[...known].join(", ")}`,
      { context: { scenario: unknown[0] } },
    );
  }
  return scenarios.filter((scenario) => names.includes(scenario.name));
}

function duplicate(names: readonly string[]): string | undefined {
  return names.find((name, index) => names.indexOf(name) !== index);
}

function scenarioError(message: string, scenario: string): ValidationError {
  return new ValidationError(LBSIM_ERROR_CODES.scenarioInvalid, `lbsim: ${message}`, { context: { scenario } });
}

/** Every run config of the scenarios, compiled, by scenario then algorithm name; ValidationError on the first problem. */
export function compileScenarios(scenarios: readonly LbsimScenario[]): Map<string, Map<string, CompiledSimConfig>> {
  if (scenarios.length === 0) throw scenarioError("a campaign needs at least one scenario", "");
  const repeated = duplicate(scenarios.map((scenario) => scenario.name));
  if (repeated !== undefined) throw scenarioError(`scenario ${quote(repeated)} appears twice`, repeated);
  const compiled = new Map<string, Map<string, CompiledSimConfig>>();
  for (const scenario of scenarios) {
    if (scenario.algorithms.length === 0) throw scenarioError(`scenario ${quote(scenario.name)} has no algorithms`, scenario.name);
    const twice = duplicate(scenario.algorithms.map((algorithm) => algorithm.name));
    if (twice !== undefined) throw scenarioError(`scenario ${quote(scenario.name)} lists algorithm ${quote(twice)} twice`, scenario.name);
    const configs = new Map<string, CompiledSimConfig>();
    for (const algorithm of scenario.algorithms) {
      try {
        configs.set(algorithm.name, compileSimConfig(runConfigFor(scenario, algorithm)));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        throw new ValidationError(error.code, `${error.message} (scenario ${quote(scenario.name)}, algorithm ${quote(algorithm.name)})`, {
          cause: error,
          context: { ...error.context, scenario: scenario.name, algorithm: algorithm.name },
        });
      }
    }
    compiled.set(scenario.name, configs);
  }
  return compiled;
}
