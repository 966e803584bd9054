/**
 * Load a campaign file: YAML syntax, then the document's shape, then each experiment
 * (defaults merged, sweeps expanded) against its kind — collecting every problem with its
 * file, line and key, and failing before any trial runs.
 */
import { accessSync, constants, readFileSync } from "node:fs";
import path from "node:path";
import { ValidationError } from "../../common/errors.js";
import { loadFailoverExperiment } from "./failover-experiment.js";
import { loadLbsimExperiment } from "./lbsim-experiment.js";
import { checkThroughput, deviceFrom, optionsByAlgorithm, type Algorithm } from "./experiment-check.js";
import { CampaignFileError, dottedPath, type CampaignIssue } from "./issues.js";
import type { AgentRef, CampaignDefinition, ExperimentDefinition, MeterRef, OptionValue, TestbedDefinition } from "./model.js";
import { campaignSchema, throughputExperimentSchema } from "./schema.js";
import { checkSchema } from "./schema-check.js";
import { applySweep } from "./sweep.js";
import { YamlSource, type DataPath } from "./yaml-source.js";

type Raw = Record<string, unknown>;

export function loadCampaignFile(file: string): CampaignDefinition {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(absolute, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new ValidationError("CAMPAIGN_FILE_UNREADABLE", `cannot read campaign file ${file}: ${code === "ENOENT" ? "no such file" : (cause as Error).message}`, { context: { file }, cause });
  }
  return parseCampaign(text, absolute);
}

export function parseCampaign(text: string, file: string): CampaignDefinition {
  const source = new YamlSource(text);
  const issues: CampaignIssue[] = source.problems.map((problem) => ({ file, line: problem.line, column: problem.column, key: "", message: `YAML: ${problem.message}` }));
  if (issues.length > 0) throw new CampaignFileError(file, issues);
  const at = (pathInFile: DataPath, message: string, key = false) => {
    const position = source.positionOf(pathInFile, key);
    issues.push({ file, line: position.line, column: position.column, key: dottedPath(pathInFile), message });
  };
  if (typeof source.data !== "object" || source.data === null || Array.isArray(source.data)) {
    at([], "a campaign file is a mapping with name, testbeds, defaults and experiments");
    throw new CampaignFileError(file, issues);
  }
  issues.push(...checkSchema(campaignSchema, source.data, [], source, file));
  const root = source.data as Raw;
  // Go on after shape errors where the parts are usable, so that every error is listed at once.
  if (!Array.isArray(root["experiments"]) || !isMapping(root["testbeds"] ?? {}) || !isMapping(root["defaults"] ?? {})) {
    throw new CampaignFileError(file, issues);
  }
  const testbeds = loadTestbeds(root, file, at);
  const defaults = (root["defaults"] ?? {}) as Raw;
  const experiments: ExperimentDefinition[] = [];
  const names = new Set<string>();
  (root["experiments"] as Raw[]).forEach((raw, index) => {
    const base: DataPath = ["experiments", index];
    if (!isMapping(raw)) return;
    if (raw["kind"] === "failover") {
      experiments.push(...loadFailoverExperiment({ raw, base, defaults, testbeds, names, source, file, at, issues }));
      return;
    }
    if (raw["kind"] === "lbsim") {
      experiments.push(...loadLbsimExperiment({ raw, base, defaults, names, source, file, at, issues }));
      return;
    }
    const schemaIssues = checkSchema(throughputExperimentSchema, raw, base, source, file);
    issues.push(...schemaIssues);
    if (schemaIssues.length > 0) return;
    const name = String(raw["name"]);
    if (names.has(name)) at([...base, "name"], `experiment name "${name}" is used twice; names must be unique`);
    names.add(name);
    const testbed = String(raw["testbed"] ?? defaults["testbed"] ?? (testbeds.size === 1 ? [...testbeds.keys()][0] : ""));
    const bed = testbeds.get(testbed);
    if (!bed) {
      at([...base, raw["testbed"] === undefined ? "name" : "testbed"], testbed === "" ? `needs a testbed: one of ${[...testbeds.keys()].join(", ")}` : `unknown testbed "${testbed}"; defined testbeds: ${[...testbeds.keys()].join(", ") || "none"}`);
      return;
    }
    const device = raw["device"] ?? defaults["device"];
    if (device === undefined && bed.kind !== "agents") at([...base, "name"], `needs a device: testbed "${testbed}" (${bed.kind}) simulates one`);
    const kind = raw["kind"] as ExperimentDefinition["kind"];
    if (kind === "soak" && raw["algorithm"] !== undefined) at([...base, "algorithm"], "a soak experiment always uses PLRsearch; remove algorithm", true);
    const algorithm = (kind === "soak" ? "plr" : (raw["algorithm"] ?? defaults["algorithm"] ?? "mlr")) as Algorithm;
    // Default options apply where they make sense (an rfc2544 experiment skips MLRsearch's goal
    // options); an experiment's own options must all apply to its algorithm.
    const defaultOptions = Object.entries((defaults["options"] ?? {}) as Raw).filter(([key]) => optionsByAlgorithm[algorithm].includes(key));
    const merged = {
      algorithm,
      preset: String(raw["preset"] ?? defaults["preset"] ?? "csit-ndrpdr"),
      options: { ...Object.fromEntries(defaultOptions), ...((raw["options"] ?? {}) as Raw) } as Record<string, OptionValue>,
      device,
    };
    const sweep = raw["sweep"] as { parameter: string; values: OptionValue[] } | undefined;
    const points = sweep ? sweep.values.map((value) => ({ parameter: sweep.parameter, value })) : [null];
    for (const point of points) {
      const variant = point ? applySweep(merged, point.parameter, point.value) : { ok: true as const, value: merged };
      if (!variant.ok) {
        at([...base, "sweep", "parameter"], variant.message);
        break;
      }
      const problems = checkThroughput(variant.value.algorithm, variant.value.preset, variant.value.options, variant.value.device);
      const where = point ? ` (sweep ${point.parameter}=${String(point.value)})` : "";
      for (const problem of problems) at([...base, ...problem.path], `${problem.message}${where}`, problem.key);
      if (problems.length > 0) continue;
      experiments.push({
        key: point ? `${name}[${point.parameter}=${String(point.value)}]` : name,
        name,
        kind,
        testbed,
        replications: Number(raw["replications"] ?? defaults["replications"] ?? 1),
        device: variant.value.device === undefined ? null : deviceFrom(variant.value.device),
        algorithm: variant.value.algorithm,
        preset: variant.value.preset,
        options: variant.value.options,
        sweepPoint: point,
        failover: null,
      });
    }
  });
  if (issues.length > 0) throw new CampaignFileError(file, issues);
  return {
    name: String(root["name"]),
    description: typeof root["description"] === "string" ? root["description"] : null,
    file,
    seed: Number(root["seed"] ?? 1),
    testbeds,
    experiments,
  };
}

function isMapping(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function loadTestbeds(root: Raw, file: string, at: (p: DataPath, message: string) => void): Map<string, TestbedDefinition> {
  const testbeds = new Map<string, TestbedDefinition>();
  const raw = (root["testbeds"] ?? { local: { kind: "embedded" } }) as Record<string, Raw>;
  for (const [name, bed] of Object.entries(raw)) {
    if (!isMapping(bed)) continue;
    const kind = bed["kind"] as TestbedDefinition["kind"];
    const agentsRaw = (Array.isArray(bed["agents"]) ? bed["agents"] : []).filter(isMapping);
    if (kind === "agents" && agentsRaw.length === 0) at(["testbeds", name, "kind"], `testbed "${name}" of kind agents needs an agents list`);
    if (kind !== "agents" && agentsRaw.length > 0) at(["testbeds", name, "agents"], `testbed "${name}" is ${kind}: it starts its own agent, remove the agents list or use kind: agents`);
    const agents = agentsRaw.map((agent, index) => {
      const tokenFile = path.resolve(path.dirname(file), String(agent["tokenFile"]));
      try {
        accessSync(tokenFile, constants.R_OK);
      } catch {
        at(["testbeds", name, "agents", index, "tokenFile"], `token file ${tokenFile} does not exist or cannot be read`);
      }
      return { id: String(agent["id"]), url: String(agent["url"]), tokenFile };
    });
    const meters = loadMeters(bed, kind, agents, (index, key, message) => at(["testbeds", name, "meters", ...(index === null ? [] : [index, key])], message));
    testbeds.set(name, { name, kind, agents, meters });
  }
  return testbeds;
}

/** The meter the embedded testbed's agent defines (a simulated trace, controller/testbed/embedded.ts). */
export const EMBEDDED_METER: MeterRef = Object.freeze({ agent: "embedded", meter: "sim" });

function loadMeters(bed: Raw, kind: TestbedDefinition["kind"], agents: readonly AgentRef[], at: (index: number | null, key: string, message: string) => void): MeterRef[] {
  const raw = (Array.isArray(bed["meters"]) ? bed["meters"] : []).filter(isMapping);
  if (kind === "embedded") {
    if (raw.length > 0) at(null, "", "the embedded testbed records its own simulated meter; remove meters or use kind: agents");
    return [EMBEDDED_METER];
  }
  if (kind !== "agents") {
    if (raw.length > 0) at(null, "", `a ${kind} testbed has no agents to read meters on; remove meters or use kind: agents`);
    return [];
  }
  const seen = new Set<string>();
  return raw.map((entry, index) => {
    const agent = String(entry["agent"]);
    const meter = String(entry["meter"]);
    if (!agents.some((ref) => ref.id === agent)) at(index, "agent", `meter ${meter} names agent "${agent}", which is not in this testbed's agents (${agents.map((ref) => ref.id).join(", ")})`);
    if (seen.has(`${agent}/${meter}`)) at(index, "meter", `meter ${agent}/${meter} is named twice`);
    seen.add(`${agent}/${meter}`);
    return { agent, meter, ...(typeof entry["intervalMs"] === "number" && { intervalMs: entry["intervalMs"] }) };
  });
}
