/**
 * A failover experiment of a campaign file: its schema, its testbed (embedded: the roles come from
 * the testbed the run starts; agents: the file names them), the sweep over one of its settings
 * (`action.params.pollMs`, `iperf.bitrateBps`, ...) and, per sweep value, a compile of the
 * timeline and the analysis options, so that a bad value fails before any run starts.
 */
import { isTestbenchError } from "../../common/errors.js";
import { compileAnalysisOptions } from "../analysis/failover/index.js";
import { compileFailoverPlan } from "../failover/index.js";
import type { CampaignIssue } from "./issues.js";
import { failoverExperimentSchema } from "./failover-schema.js";
import type { ExperimentDefinition, FailoverSettings, OptionValue, TestbedDefinition } from "./model.js";
import { checkSchema } from "./schema-check.js";
import type { DataPath, YamlSource } from "./yaml-source.js";

type Raw = Record<string, unknown>;

export interface FailoverLoadContext {
  readonly raw: Raw;
  readonly base: DataPath;
  readonly defaults: Raw;
  readonly testbeds: ReadonlyMap<string, TestbedDefinition>;
  readonly names: Set<string>;
  readonly source: YamlSource;
  readonly file: string;
  readonly at: (path: DataPath, message: string, key?: boolean) => void;
  readonly issues: CampaignIssue[];
}

/** `settings` with `parameter` (e.g. "action.params.pollMs") set to `value`. */
export function applyFailoverSweep(settings: FailoverSettings, parameter: string, value: OptionValue): FailoverSettings {
  const parts = parameter.split(".");
  const copy = structuredClone(settings) as unknown as Raw;
  let node = copy;
  for (const part of parts.slice(0, -1)) {
    const next = (node[part] ?? {}) as Raw;
    node[part] = next;
    node = next;
  }
  node[parts.at(-1) ?? ""] = value;
  return copy as unknown as FailoverSettings;
}

/** Placeholder agents stand in for an embedded testbed's roles: only the timeline and options are checked here. */
function checkSettings(settings: FailoverSettings, bed: TestbedDefinition): Array<{ path: DataPath; message: string }> {
  const problems: Array<{ path: DataPath; message: string }> = [];
  if (bed.kind === "simulated") return [{ path: ["testbed"], message: `a failover experiment needs agents: testbed "${bed.name}" is simulated; use kind embedded or agents` }];
  if (bed.kind === "agents") {
    if (settings.sessions === undefined) problems.push({ path: ["failover"], message: `on testbed "${bed.name}" (agents) name the iperf3 sessions: failover.sessions [{client, server, target}]` });
    if (settings.action?.agent === undefined || settings.action.name === undefined) problems.push({ path: ["failover"], message: "on an agents testbed name the trigger: failover.action {agent, name, params}" });
    const known = bed.agents.map((agent) => agent.id);
    const named = [...(settings.sessions ?? []).flatMap((session) => [session.client, session.server]), ...(settings.meters ?? []).map((meter) => meter.agent), ...(settings.action?.agent ? [settings.action.agent] : [])];
    for (const agent of new Set(named)) if (!known.includes(agent)) problems.push({ path: ["failover"], message: `agent "${agent}" is not in testbed "${bed.name}"; it has ${known.join(", ")}` });
  }
  try {
    compileFailoverPlan({
      sessions: settings.sessions ?? [{ client: "client", server: "server", target: "127.0.0.1" }],
      meters: settings.meters ?? [],
      action: { agent: settings.action?.agent ?? "agent", name: settings.action?.name ?? "failover", params: settings.action?.params ?? {} },
      ...(settings.iperf && { iperf: settings.iperf }),
      t1S: settings.timeline.t1S,
      t2S: settings.timeline.t2S,
    });
    compileAnalysisOptions(settings.analysis ?? {});
  } catch (error) {
    if (!isTestbenchError(error) || !error.userError) throw error;
    const field = String(error.context["field"] ?? error.context["option"] ?? "");
    const path = field.startsWith("timeline.") ? ["failover", "timeline", field.slice(9)] : error.context["option"] !== undefined ? ["failover", "analysis", field] : ["failover", ...field.replace(/\[(\d+)\]/g, ".$1").split(".").filter(Boolean)];
    problems.push({ path, message: error.message });
  }
  return problems;
}

export function loadFailoverExperiment(context: FailoverLoadContext): ExperimentDefinition[] {
  const { raw, base, defaults, testbeds, names, source, file, at } = context;
  const schemaIssues = checkSchema(failoverExperimentSchema, raw, base, source, file);
  context.issues.push(...schemaIssues);
  if (schemaIssues.length > 0) return [];
  const name = String(raw["name"]);
  if (names.has(name)) at([...base, "name"], `experiment name "${name}" is used twice; names must be unique`);
  names.add(name);
  const testbed = String(raw["testbed"] ?? defaults["testbed"] ?? (testbeds.size === 1 ? [...testbeds.keys()][0] : ""));
  const bed = testbeds.get(testbed);
  if (!bed) {
    at([...base, raw["testbed"] === undefined ? "name" : "testbed"], `unknown testbed "${testbed}"; defined testbeds: ${[...testbeds.keys()].join(", ") || "none"}`);
    return [];
  }
  const settings = raw["failover"] as unknown as FailoverSettings;
  const sweep = raw["sweep"] as { parameter: string; values: OptionValue[] } | undefined;
  const points = sweep ? sweep.values.map((value) => ({ parameter: sweep.parameter, value })) : [null];
  const experiments: ExperimentDefinition[] = [];
  for (const point of points) {
    const variant = point ? applyFailoverSweep(settings, point.parameter, point.value) : settings;
    const problems = checkSettings(variant, bed);
    const where = point ? ` (sweep ${point.parameter}=${String(point.value)})` : "";
    for (const problem of problems) at([...base, ...problem.path], `${problem.message}${where}`);
    if (problems.length > 0) break;
    experiments.push({
      key: point ? `${name}[${point.parameter}=${String(point.value)}]` : name,
      name,
      kind: "failover",
      testbed,
      replications: Number(raw["replications"] ?? defaults["replications"] ?? 1),
      device: null,
      algorithm: "mlr",
      preset: "",
      options: {},
      sweepPoint: point,
      failover: variant,
    });
  }
  return experiments;
}
