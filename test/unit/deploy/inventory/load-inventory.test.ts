import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { InventoryError, loadInventory, parseInventory } from "../../../../deploy/inventory/load-inventory.js";
import { selectHosts } from "../../../../deploy/inventory/select-hosts.js";

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO2hZFShpG6vj2fycYFv4CsWcDoKhN9TDm/1JhLYGpJE";
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tb-inventory-"));
  await writeFile(join(dir, "lab.token"), "lab-token-0123456789abcdef\n");
  await writeFile(join(dir, "short.token"), "short\n");
  await writeFile(join(dir, "deploy_key"), "-----BEGIN OPENSSH PRIVATE KEY-----\n...\n");
  await writeFile(join(dir, "known_hosts"), `tg1 ${KEY}\n[10.0.0.12]:2222 ${KEY}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = (): string => join(dir, "inventory.yaml");
const parseText = (text: string) => parseInventory(text, file(), { sshAgentSocket: undefined });

async function issuesOf(text: string): Promise<string[]> {
  try {
    await parseText(text);
  } catch (error) {
    if (error instanceof InventoryError) return error.issues.map((issue) => `${issue.line}:${issue.column} ${issue.key}: ${issue.message}`);
    throw error;
  }
  throw new Error("the inventory was accepted");
}

const BASE = `defaults:
  ssh:
    user: lab
    keyFile: deploy_key
    knownHostsFile: known_hosts
  installDir: /opt/testbench
  tokenFile: lab.token
  agent:
    listen: {host: 0.0.0.0, port: 8765}
    generator: {kind: simulated, device: "hard:mrr=1e6"}
`;

describe("loading an inventory", () => {
  it("merges defaults, groups in order and the host; names the agent after the host", async () => {
    const inventory = await parseText(`${BASE}groups:
  trex:
    service: systemd
    ssh: {port: 2222}
    agent:
      generator: {ports: [2, 3], frameSizeBytes: 128}
  slow:
    verifyTimeoutS: 90
    agent:
      limits: {maxPendingRequests: 4}
hosts:
  tg1:
    groups: [trex, slow]
    agent:
      heartbeatIntervalS: 2
  tg2:
    address: 10.0.0.12
    groups: [trex]
    ssh: {strictHostKeyChecking: false}
    agent:
      agentId: traffic-2
  sim:
`);
    expect(inventory.hosts.map((host) => host.name)).toEqual(["tg1", "tg2", "sim"]);
    const [tg1, tg2, sim] = inventory.hosts;
    expect(tg1).toMatchObject({
      name: "tg1",
      groups: ["trex", "slow"],
      ssh: { address: "tg1", port: 2222, user: "lab", keyFile: join(dir, "deploy_key"), strictHostKeyChecking: true, connectTimeoutS: 10 },
      installDir: "/opt/testbench",
      service: "systemd",
      serviceName: "testbench-agent",
      serviceUser: "lab",
      sudo: false,
      token: "lab-token-0123456789abcdef",
      agentId: "tg1",
      listenHost: "0.0.0.0",
      listenPort: 8765,
      verifyTimeoutS: 90,
      keepReleases: 3,
    });
    expect(tg1!.ssh.hostKeys).toHaveLength(0);
    expect(parse(tg1!.agentYaml)).toEqual({
      agentId: "tg1",
      listen: { host: "0.0.0.0", port: 8765 },
      generator: { kind: "simulated", device: "hard:mrr=1e6", ports: [2, 3], frameSizeBytes: 128 },
      limits: { maxPendingRequests: 4 },
      heartbeatIntervalS: 2,
      tokenFile: "agent.token",
    });
    expect(tg2).toMatchObject({ agentId: "traffic-2", ssh: { address: "10.0.0.12", strictHostKeyChecking: false } });
    expect(tg2!.ssh.hostKeys.map((key) => key.origin)).toEqual([`${join(dir, "known_hosts")}:2`]);
    expect(sim).toMatchObject({ service: "auto", ssh: { port: 22 } });
    expect(sim!.agentYaml).not.toContain("lab-token");
  });

  it.each([
    [`${BASE}hosts:\n  tg1:\n    instalDir: /x\n`, '13:5 hosts.tg1.instalDir: unknown key "instalDir"'],
    [`${BASE}hosts:\n  tg1:\n    ssh: {port: 70000}\n`, "13:17 hosts.tg1.ssh.port: must be <= 65535; got 70000"],
    [`${BASE}hosts:\n  tg1:\n    groups: [nope]\n`, '13:14 hosts.tg1.groups[0]: unknown group "nope"; defined groups: none'],
    [`${BASE}hosts:\n  tg1:\n    installDir: relative/dir\n`, "13:17 hosts.tg1.installDir: must match pattern"],
    [`${BASE}hosts:\n  tg1:\n    service: upstart\n`, '13:14 hosts.tg1.service: must be one of "auto", "systemd", "runner"; got "upstart"'],
    [`${BASE}hosts:\n  tg1:\n    tokenFile: missing.token\n`, "13:16 hosts.tg1.tokenFile: cannot read /tmp/"],
    [`${BASE}hosts:\n  tg1:\n    tokenFile: short.token\n`, "13:16 hosts.tg1.tokenFile: must hold a token of at least 16 visible ASCII characters"],
    [`${BASE}hosts:\n  tg1:\n    ssh: {keyFile: nokey}\n`, "13:20 hosts.tg1.ssh.keyFile: cannot read /tmp/"],
    [`${BASE}hosts:\n  tg1:\n    ssh: {hostKey: "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIO2hZFShpG6vj2fycYFv4CsWcDoKhN9TDm/1JhLYGpJE"}\n`, "13:20 hosts.tg1.ssh.hostKey: is not a public key line"],
    [`${BASE}hosts:\n  tg1:\n    agent:\n      limits: {maxPendingRequests: many}\n`, "14:36 hosts.tg1.agent.limits.maxPendingRequests: must be an integer in [1, 1024], got \"many\""],
    [`${BASE}hosts:\n  tg1:\n    agent:\n      tokenFile: x\n`, "14:18 hosts.tg1.agent.tokenFile: is set by deploy"],
    [`${BASE}hosts:\n  tg1:\n    agent:\n      listen: {port: 0}\n`, "14:22 hosts.tg1.agent.listen.port: listen.port 0 (any free port) cannot be verified"],
    [`${BASE}hosts:\n  tg1:\n    agent:\n      tls: {certFile: a, keyFile: b}\n`, "14:12 hosts.tg1.agent.tls: deploy cannot verify a TLS (wss) agent yet"],
    [`${BASE}hosts: {}\n`, "11:8 hosts: must NOT have fewer than 1 properties"],
    ["hosts:\n  tg1: {ssh: {port: 22}\n", "YAML:"],
  ])("reports %j at its line and column", async (text, expected) => {
    const issues = await issuesOf(text);
    expect(issues.some((issue) => issue.includes(expected)), issues.join("\n")).toBe(true);
  });

  it("points an agent-config error at the group or defaults line that set the value", async () => {
    const text = `${BASE.replace("device: \"hard:mrr=1e6\"", "device: \"hard:mrr=banana\"")}hosts:\n  tg1:\n`;
    expect(await issuesOf(text)).toEqual([expect.stringMatching(/^10:42 defaults\.agent\.generator\.device: is not a valid device/)]);
    const grouped = `${BASE}groups:\n  g:\n    agent:\n      heartbeatIntervalS: -1\nhosts:\n  tg1: {groups: [g]}\n  tg2: {groups: [g]}\n`;
    const issues = await issuesOf(grouped);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^14:27 groups\.g\.agent\.heartbeatIntervalS: must be a number in \[0\.01, 3600\] s, got -1$/);
  });

  it("reports a problem shared by several hosts once", async () => {
    const text = `${BASE}groups:\n  trex:\n    agent:\n      generator: {kind: trex}\nhosts:\n  tg1: {groups: [trex]}\n  tg2: {groups: [trex]}\n`;
    expect(await issuesOf(text)).toEqual([expect.stringMatching(/^10:42 defaults\.agent\.generator\.device: is not a known key \(known keys: kind, host, rpcPort/)]);
  });

  it("lists every problem at once, sorted by line, and says where the file is", async () => {
    const text = `${BASE}hosts:\n  tg1:\n    sudo: maybe\n  tg2:\n    keepReleases: 0\n`;
    await expect(parseText(text)).rejects.toMatchObject({
      code: "DEPLOY_INVENTORY_INVALID",
      userError: true,
      message: expect.stringMatching(new RegExp(`inventory ${file()} has 2 errors:\\n  ${file()}:13:11: hosts\\.tg1\\.sudo: must be boolean.*\\n  ${file()}:15:19: hosts\\.tg2\\.keepReleases`)),
    });
  });

  it("needs ssh.user, installDir, tokenFile and a key or an SSH agent", async () => {
    const issues = await issuesOf("hosts:\n  tg1:\n    agent: {generator: {kind: simulated, device: \"hard:mrr=1e6\"}}\n");
    expect(issues.join("\n")).toMatch(/needs ssh\.user[\s\S]*needs installDir[\s\S]*needs ssh\.keyFile[\s\S]*needs tokenFile/);
  });

  it("says when the file cannot be read", async () => {
    await expect(loadInventory(join(dir, "absent.yaml"))).rejects.toMatchObject({ code: "DEPLOY_INVENTORY_UNREADABLE", message: expect.stringContaining("no such file") });
  });
});

describe("--hosts", () => {
  it("selects by host or group name and refuses unknown names, listing the known ones", async () => {
    const inventory = await parseText(`${BASE}groups:\n  rack1: {}\nhosts:\n  tg1: {groups: [rack1]}\n  tg2:\n  tg3: {groups: [rack1]}\n`);
    expect(selectHosts(inventory.hosts, undefined).map((host) => host.name)).toEqual(["tg1", "tg2", "tg3"]);
    expect(selectHosts(inventory.hosts, ["tg2"]).map((host) => host.name)).toEqual(["tg2"]);
    expect(selectHosts(inventory.hosts, ["rack1"]).map((host) => host.name)).toEqual(["tg1", "tg3"]);
    expect(() => selectHosts(inventory.hosts, ["tg9"])).toThrow(expect.objectContaining({ code: "DEPLOY_HOSTS_UNKNOWN", message: expect.stringContaining("hosts: tg1, tg2, tg3; groups: rack1") }));
  });
});
