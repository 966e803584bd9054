/**
 * An lbsim experiment of a campaign file (docs/campaigns.md "Load-balancing simulator
 * experiments"): one built-in scenario, optionally a subset of its algorithms, and the worker
 * threads per run. The scenario and algorithm names are checked against the built-in campaign
 * and every run config compiled, so that a bad name fails with its line before any run starts.
 * lbsim is CPU-bound: it needs no testbed and runs on the implicit slot LBSIM_SLOT.
 */
import { ValidationError } from "../../common/errors.js";
import { compileScenarios, selectScenarios, type LbsimScenario } from "../lbsim/index.js";
import type { CampaignIssue } from "./issues.js";
import { LBSIM_SLOT, type ExperimentDefinition, type LbsimSettings } from "./model.js";
import { checkSchema } from "./schema-check.js";
import type { DataPath, YamlSource } from "./yaml-source.js";

type Raw = Record<string, unknown>;

const name = { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$", maxLength: 100 } as const;

export const lbsimExperimentSchema = {
  type: "object",
  additionalProperties: false,
  required: ["name", "kind", "lbsim"],
  properties: {
    name,
    kind: { const: "lbsim" },
    replications: { type: "integer", minimum: 1, maximum: 10000 },
    lbsim: {
      type: "object",
      additionalProperties: false,
      required: ["scenario"],
      properties: {
        scenario: { type: "string", minLength: 1 },
        algorithms: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", minLength: 1 } },
        workers: { type: "integer", minimum: 1, maximum: 256 },
      },
    },
  },
} as const;

export interface LbsimLoadContext {
  readonly raw: Raw;
  readonly base: DataPath;
  readonly defaults: Raw;
  readonly names: Set<string>;
  readonly source: YamlSource;
  readonly file: string;
  readonly at: (path: DataPath, message: string, key?: boolean) => void;
  readonly issues: CampaignIssue[];
}

/** The scenario an lbsim run simulates: the built-in one, restricted to the chosen algorithms (scenario order). */
export function lbsimScenarioOf(settings: LbsimSettings): LbsimScenario {
  const [scenario] = selectScenarios([settings.scenario]);
  if (scenario === undefined) throw new TypeError(`no lbsim scenario ${settings.scenario}`);
  const chosen = settings.algorithms;
  if (chosen === undefined) return scenario;
  return { ...scenario, algorithms: scenario.algorithms.filter((algorithm) => chosen.includes(algorithm.name)) };
}

export function loadLbsimExperiment(context: LbsimLoadContext): ExperimentDefinition[] {
  const { raw, base, defaults, names, source, file, at } = context;
  const schemaIssues = checkSchema(lbsimExperimentSchema, raw, base, source, file);
  context.issues.push(...schemaIssues);
  if (schemaIssues.length > 0) return [];
  const experimentName = String(raw["name"]);
  if (names.has(experimentName)) at([...base, "name"], `experiment name "${experimentName}" is used twice; names must be unique`);
  names.add(experimentName);
  const settings = raw["lbsim"] as unknown as LbsimSettings;
  let scenario: LbsimScenario;
  try {
    [scenario] = selectScenarios([settings.scenario]) as [LbsimScenario];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    at([...base, "lbsim", "scenario"], error.message);
    return [];
  }
  const known = scenario.algorithms.map((algorithm) => algorithm.name);
  let bad = false;
  (settings.algorithms ?? []).forEach((algorithm, index) => {
    if (known.includes(algorithm)) return;
    bad = true;
    at([...base, "lbsim", "algorithms", index], `scenario "${scenario.name}" has no algorithm "${algorithm}"; its algorithms: ${known.join(", ")}`);
  });
  if (bad) return [];
  try {
    compileScenarios([lbsimScenarioOf(settings)]);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    at([...base, "lbsim"], error.message);
    return [];
  }
  return [
    {
      key: experimentName,
      name: experimentName,
      kind: "lbsim",
      testbed: LBSIM_SLOT,
      replications: Number(raw["replications"] ?? defaults["replications"] ?? 1),
      device: null,
      algorithm: "mlr",
      preset: "",
      options: {},
      sweepPoint: null,
      failover: null,
      lbsim: {
        scenario: settings.scenario,
        ...(settings.algorithms !== undefined && { algorithms: [...settings.algorithms] }),
        ...(settings.workers !== undefined && { workers: settings.workers }),
      },
    },
  ];
}
