/** One host's layers merged and checked: SSH settings, host keys, token, agent.yaml. */
import { keysFromKnownHosts, parsePublicKey, type HostKey } from "../ssh/host-keys.js";
import { renderAgentConfig, type LocatedProblem } from "./agent-yaml.js";
import { HOST_DEFAULTS, type HostTarget, type ServiceKind } from "./host-target.js";
import { definedAt, isMapping, mergeLayers, type Layer, type Raw } from "./layers.js";
import { localPath, readLocalText } from "./local-files.js";

export interface InventoryRoot {
  readonly defaults: Raw;
  readonly groups: Record<string, Raw>;
  readonly hosts: Record<string, Raw>;
}

const TOKEN_PATTERN = /^[\x21-\x7e]{16,}$/;

function hostLayers(root: InventoryRoot, name: string, problems: LocatedProblem[]): { layers: Layer[]; groups: string[] } {
  const host = root.hosts[name] ?? {};
  const groups = Array.isArray(host["groups"]) ? (host["groups"] as string[]) : [];
  const layers: Layer[] = [{ path: ["defaults"], data: root.defaults }];
  groups.forEach((group, index) => {
    const data = root.groups[group];
    if (isMapping(data)) layers.push({ path: ["groups", group], data });
    else problems.push({ path: ["hosts", name, "groups", index], message: `unknown group "${group}"; defined groups: ${Object.keys(root.groups).join(", ") || "none"}` });
  });
  layers.push({ path: ["hosts", name], data: host });
  return { layers, groups };
}

async function readHostKeys(ssh: Raw, layers: Layer[], address: string, port: number, inventoryDir: string, problems: LocatedProblem[]): Promise<HostKey[]> {
  const keys: HostKey[] = [];
  const inline = ssh["hostKey"];
  const lines = inline === undefined ? [] : Array.isArray(inline) ? (inline as string[]) : [inline as string];
  lines.forEach((line, index) => {
    const key = parsePublicKey(line, "inventory ssh.hostKey");
    const path = definedAt(layers, Array.isArray(inline) ? ["ssh", "hostKey", index] : ["ssh", "hostKey"]);
    if (key === undefined) problems.push({ path, message: 'is not a public key line "type base64": its type and key data do not agree' });
    else keys.push(key);
  });
  if (typeof ssh["knownHostsFile"] === "string") {
    const file = localPath(inventoryDir, ssh["knownHostsFile"]);
    const read = await readLocalText(file);
    if ("problem" in read) problems.push({ path: definedAt(layers, ["ssh", "knownHostsFile"]), message: read.problem });
    else keys.push(...keysFromKnownHosts(read.text, file, address, port));
  }
  return keys;
}

async function readToken(merged: Raw, layers: Layer[], inventoryDir: string, name: string, problems: LocatedProblem[]): Promise<string> {
  if (typeof merged["tokenFile"] !== "string") {
    problems.push({ path: ["hosts", name], message: "needs tokenFile (in defaults, a group or the host): the agent's shared secret" });
    return "";
  }
  const read = await readLocalText(localPath(inventoryDir, merged["tokenFile"]));
  const path = definedAt(layers, ["tokenFile"]);
  if ("problem" in read) {
    problems.push({ path, message: read.problem });
    return "";
  }
  const token = read.text.trim();
  if (!TOKEN_PATTERN.test(token)) problems.push({ path, message: "must hold a token of at least 16 visible ASCII characters without spaces" });
  return token;
}

export async function resolveHost(root: InventoryRoot, name: string, inventoryDir: string, sshAgentSocket: string | undefined): Promise<{ target: HostTarget } | { problems: LocatedProblem[] }> {
  const problems: LocatedProblem[] = [];
  const { layers, groups } = hostLayers(root, name, problems);
  const merged = mergeLayers(layers);
  const ssh = isMapping(merged["ssh"]) ? merged["ssh"] : {};
  const require = (value: unknown, key: string, why: string): string => {
    if (typeof value === "string") return value;
    problems.push({ path: ["hosts", name], message: `needs ${key} (in defaults, a group or the host): ${why}` });
    return "";
  };
  const user = require(ssh["user"], "ssh.user", "the SSH login");
  const installDir = require(merged["installDir"], "installDir", "the absolute directory the agent is installed into");
  const address = typeof merged["address"] === "string" ? merged["address"] : name;
  const port = typeof ssh["port"] === "number" ? ssh["port"] : HOST_DEFAULTS.sshPort;
  let keyFile: string | undefined;
  if (typeof ssh["keyFile"] === "string") {
    keyFile = localPath(inventoryDir, ssh["keyFile"]);
    const read = await readLocalText(keyFile);
    if ("problem" in read) problems.push({ path: definedAt(layers, ["ssh", "keyFile"]), message: read.problem });
  } else if (sshAgentSocket === undefined) {
    problems.push({ path: ["hosts", name], message: "needs ssh.keyFile (in defaults, a group or the host), or an SSH agent (SSH_AUTH_SOCK is not set)" });
  }
  const hostKeys = await readHostKeys(ssh, layers, address, port, inventoryDir, problems);
  const token = await readToken(merged, layers, inventoryDir, name, problems);
  const agent = isMapping(merged["agent"]) ? merged["agent"] : {};
  const rendered = await renderAgentConfig(name, agent, token === "" ? "x".repeat(16) : token, layers);
  if ("problems" in rendered) problems.push(...rendered.problems);
  if (problems.length > 0 || !("rendered" in rendered)) return { problems };
  const target: HostTarget = {
    name,
    groups,
    ssh: {
      address,
      port,
      user,
      keyFile,
      hostKeys,
      strictHostKeyChecking: typeof ssh["strictHostKeyChecking"] === "boolean" ? ssh["strictHostKeyChecking"] : HOST_DEFAULTS.strictHostKeyChecking,
      connectTimeoutS: typeof ssh["connectTimeoutS"] === "number" ? ssh["connectTimeoutS"] : HOST_DEFAULTS.connectTimeoutS,
    },
    installDir,
    sudo: merged["sudo"] === true,
    serviceUser: typeof merged["serviceUser"] === "string" ? merged["serviceUser"] : user,
    service: (merged["service"] as ServiceKind | undefined) ?? HOST_DEFAULTS.service,
    serviceName: typeof merged["serviceName"] === "string" ? merged["serviceName"] : HOST_DEFAULTS.serviceName,
    node: typeof merged["node"] === "string" ? merged["node"] : HOST_DEFAULTS.node,
    token,
    agentYaml: rendered.rendered.text,
    agentId: rendered.rendered.agentId,
    listenHost: rendered.rendered.listenHost,
    listenPort: rendered.rendered.listenPort,
    verifyTimeoutS: typeof merged["verifyTimeoutS"] === "number" ? merged["verifyTimeoutS"] : HOST_DEFAULTS.verifyTimeoutS,
    keepReleases: typeof merged["keepReleases"] === "number" ? merged["keepReleases"] : HOST_DEFAULTS.keepReleases,
  };
  return { target: Object.freeze(target) };
}
