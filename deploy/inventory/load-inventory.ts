/**
 * Load an inventory file: YAML syntax, then its shape (JSON Schema), then every host resolved
 * (groups, files, host keys, token, agent.yaml) — all problems at once, each with file:line:column.
 * The YAML positions and the schema check are the campaign loader's (controller/campaign).
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { ValidationError } from "../../common/errors.js";
import { dottedPath, issuesMessage, sortedUniqueIssues, type CampaignIssue } from "../../controller/campaign/issues.js";
import { checkSchema } from "../../controller/campaign/schema-check.js";
import { YamlSource } from "../../controller/campaign/yaml-source.js";
import { DeployErrorCode, deployUsageError } from "../errors.js";
import type { HostTarget } from "./host-target.js";
import { inventorySchema } from "./inventory-schema.js";
import { isMapping, type Raw } from "./layers.js";
import { resolveHost, type InventoryRoot } from "./resolve-host.js";

export type InventoryIssue = CampaignIssue;

export interface Inventory {
  readonly file: string;
  /** Every host, in file order. */
  readonly hosts: readonly HostTarget[];
}

/** Every problem of an inventory file, sorted by position. */
export class InventoryError extends ValidationError {
  readonly issues: readonly InventoryIssue[];

  constructor(file: string, found: readonly InventoryIssue[]) {
    const sorted = sortedUniqueIssues(found);
    super(DeployErrorCode.inventoryInvalid, issuesMessage("inventory", file, sorted), { context: { file, errors: sorted.length } });
    this.name = "InventoryError";
    this.issues = sorted;
  }
}

export interface LoadInventoryOptions {
  /** SSH agent socket used when a host has no keyFile (default: SSH_AUTH_SOCK). */
  readonly sshAgentSocket?: string | undefined;
}

export async function parseInventory(text: string, file: string, options: LoadInventoryOptions = {}): Promise<Inventory> {
  const source = new YamlSource(text);
  const issues: InventoryIssue[] = source.problems.map((problem) => ({ file, line: problem.line, column: problem.column, key: "", message: `YAML: ${problem.message}` }));
  if (issues.length > 0) throw new InventoryError(file, issues);
  if (!isMapping(source.data)) {
    throw new InventoryError(file, [{ file, line: 1, column: 1, key: "", message: "an inventory is a mapping with defaults, groups and hosts" }]);
  }
  const data = source.data;
  // `tg1:` with nothing under it is a host with every setting from defaults and groups.
  if (isMapping(data["hosts"])) for (const [name, host] of Object.entries(data["hosts"])) if (host === null) data["hosts"][name] = {};
  issues.push(...checkSchema(inventorySchema, data, [], source, file));
  if (issues.length > 0) throw new InventoryError(file, issues);
  const root: InventoryRoot = {
    defaults: (data["defaults"] ?? {}) as Raw,
    groups: (data["groups"] ?? {}) as Record<string, Raw>,
    hosts: data["hosts"] as Record<string, Raw>,
  };
  const hosts: HostTarget[] = [];
  const agentSocket = "sshAgentSocket" in options ? options.sshAgentSocket : process.env["SSH_AUTH_SOCK"];
  for (const name of Object.keys(root.hosts)) {
    const resolved = await resolveHost(root, name, dirname(file), agentSocket);
    if ("target" in resolved) hosts.push(resolved.target);
    else {
      for (const problem of resolved.problems) {
        const position = source.positionOf(problem.path, false);
        issues.push({ file, line: position.line, column: position.column, key: dottedPath(problem.path), message: problem.message });
      }
    }
  }
  if (issues.length > 0) throw new InventoryError(file, issues);
  return Object.freeze({ file, hosts: Object.freeze(hosts) });
}

export async function loadInventory(file: string, options: LoadInventoryOptions = {}): Promise<Inventory> {
  const absolute = resolve(file);
  let text: string;
  try {
    text = await readFile(absolute, "utf8");
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw deployUsageError(DeployErrorCode.inventoryUnreadable, `Cannot read the inventory ${file}: ${why}`, { file }, error);
  }
  return parseInventory(text, absolute, options);
}
