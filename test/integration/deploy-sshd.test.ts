/**
 * `testbench deploy` against a real OpenSSH server on 127.0.0.1 (a throwaway sshd with its own
 * keys), installing into a temporary directory on this machine with the service runner (no
 * systemd here): dry run, install, idempotence, update, rollback after a failed verify,
 * status/logs/stop, host-key refusal, per-host errors, the CLI, and secrets kept out of logs.
 */
import { execSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { Command } from "commander";
import { execa } from "execa";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redactedPaths } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import { connectAgent } from "../../controller/agents/agent-client.js";
import { deployCommand } from "../../controller/cli/deploy-command.js";
import { buildBundle, deployInventory, loadInventory, serviceInventory, type Bundle, type HostResult } from "../../deploy/index.js";
import { repoRoot } from "../helpers/paths.js";
import { freePort, startSshd, type Sshd } from "./deploy-sshd.js";

const TOKEN = "deploy-test-token-0123456789abcdef";
const started = await startSshd();
const missing = "missing" in started ? started.missing : undefined;
if (missing !== undefined) console.warn(`deploy over SSH skipped: ${missing}`);

describe.skipIf(missing !== undefined)(`testbench deploy over a real sshd${missing === undefined ? "" : ` (skipped: ${missing})`}`, () => {
  const sshd = started as Sshd;
  let dir = "";
  let installDir = "";
  let bundle: Bundle;
  let agentPort = 0;
  let blockedPort = 0;
  let blocker: Server;
  const logText: string[] = [];
  const logger = pino({ level: "debug", redact: { paths: redactedPaths, censor: "[redacted]" } }, new Writable({
      write(chunk: Buffer, _encoding, done) {
        logText.push(chunk.toString("utf8"));
        done();
      },
    }));
  const releases = (): string[] => readdirSync(join(installDir, "releases")).sort();
  const current = (): string => readlinkSync(join(installDir, "current")).replace(/^releases\//, "");
  const supervisorPid = (): string => readFileSync(join(installDir, "run/supervisor.pid"), "utf8").trim();

  async function inventoryFile(name: string, options: { agent?: string; ssh?: string; host?: string; hosts?: string } = {}): Promise<string> {
    const file = join(dir, `${name}.yaml`);
    const text = `defaults:
  ssh:
    user: ${sshd.user}
    port: ${sshd.port}
    keyFile: ${sshd.userKeyFile}
    connectTimeoutS: 5
${options.ssh ?? `    knownHostsFile: ${sshd.knownHostsFile}`}
  installDir: ${installDir}
  service: runner
  tokenFile: token
  verifyTimeoutS: 20
  agent:
    generator: {kind: simulated, device: "hard:mrr=1e6,noise=0"}
${options.agent ?? `    heartbeatIntervalS: 1\n    listen: {host: 127.0.0.1, port: ${agentPort}}`}
hosts:
${options.hosts ?? `  lab1:\n    address: 127.0.0.1\n${options.host ?? ""}`}
`;
    await writeFile(file, text);
    return file;
  }

  async function deploy(file: string, dryRun = false): Promise<HostResult[]> {
    const inventory = await loadInventory(file);
    return (await deployInventory({ inventory, dryRun, bundle, root: repoRoot, clock: systemClock, logger })).results;
  }

  async function hello(port: number): Promise<{ agentId: string; softwareVersion: string; heartbeatIntervalS: number }> {
    const client = await connectAgent({ url: `ws://127.0.0.1:${port}/`, token: TOKEN, clockSampleCount: 1, backoff: { maxAttempts: 3 } });
    try {
      return (await client.connection()).hello;
    } finally {
      await client.close();
    }
  }

  function agentProcesses(): string[] {
    return execSync("ps -eo pid,args", { encoding: "utf8" })
      .split("\n")
      .filter((line) => line.includes(installDir) && !line.includes(" ps "));
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tb-deploy-"));
    installDir = join(dir, "host/opt/testbench");
    await writeFile(join(dir, "token"), `${TOKEN}\n`);
    await mkdir(join(dir, "bundle"));
    bundle = await buildBundle({ root: repoRoot, outDir: join(dir, "bundle") });
    agentPort = await freePort();
    blockedPort = await freePort();
    // Holds the port a broken release wants: that agent cannot listen, and this answers nothing.
    blocker = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => blocker.listen(blockedPort, "127.0.0.1", resolve));
  }, 120_000);

  afterAll(async () => {
    const runner = join(installDir, "bin/testbench-agent-service");
    if (existsSync(runner)) await execa(runner, ["stop"], { reject: false });
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    await sshd.stop();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it("dry run: connects, prints the plan, changes nothing", async () => {
    const [result] = await deploy(await inventoryFile("main"), true);
    expect(result).toMatchObject({ host: "lab1", outcome: "planned", error: undefined });
    expect(result!.lines.join("\n")).toMatch(/upload bundle [0-9a-f]{12} \(\d+\.\d MiB\)[\s\S]*switch .*current from nothing[\s\S]*verify: hello from lab1/);
    expect(existsSync(installDir)).toBe(false);
  });

  it("installs: uploads the bundle, writes agent.yaml and the token (0600), starts the runner, verifies the hello", async () => {
    const [result] = await deploy(await inventoryFile("main"));
    expect(result, result?.detail).toMatchObject({ outcome: "installed", previous: undefined, error: undefined });
    expect(result!.lines).toEqual(expect.arrayContaining([`uploaded bundle ${bundle.sha256.slice(0, 12)}`, "restarted (runner)", "verified"]));
    expect(lstatSync(join(installDir, "current")).isSymbolicLink()).toBe(true);
    expect(releases()).toEqual([current()]);
    const release = join(installDir, "releases", current());
    expect(statSync(join(release, "agent.yaml")).mode & 0o777).toBe(0o600);
    expect(statSync(join(release, "agent.token")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(release, "agent.token"), "utf8").trim()).toBe(TOKEN);
    expect(readFileSync(join(release, "agent.yaml"), "utf8")).toMatch(/agentId: lab1\n[\s\S]*tokenFile: agent.token/);
    expect(statSync(join(installDir, "releases")).mode & 0o777).toBe(0o700);
    expect(existsSync(join(installDir, "bundles", `${bundle.sha256}.tar.gz`))).toBe(true);
    expect(await hello(agentPort)).toMatchObject({ agentId: "lab1", softwareVersion: bundle.version, heartbeatIntervalS: 1 });
  });

  it("is idempotent: a second run changes nothing and says so", async () => {
    const before = { release: current(), pid: supervisorPid() };
    const [result] = await deploy(await inventoryFile("main"));
    expect(result).toMatchObject({ outcome: "unchanged", release: before.release, error: undefined });
    expect(result!.detail).toMatch(/^unchanged: .* is current and answers$/);
    expect({ release: current(), pid: supervisorPid() }).toEqual(before);
    expect(releases()).toHaveLength(1);
  });

  it("installs a new release when the agent config changes (the bundle is not uploaded again)", async () => {
    const first = current();
    const [result] = await deploy(await inventoryFile("main", { agent: `    heartbeatIntervalS: 2\n    listen: {host: 127.0.0.1, port: ${agentPort}}` }));
    expect(result, result?.detail).toMatchObject({ outcome: "updated", previous: first, error: undefined });
    expect(result!.lines.some((line) => line.startsWith("uploaded"))).toBe(false);
    expect(current()).not.toBe(first);
    expect(releases()).toEqual([first, current()].sort());
    expect(await hello(agentPort)).toMatchObject({ heartbeatIntervalS: 2 });
  });

  it("rolls back a release whose agent cannot start: the previous release runs and answers again", async () => {
    const good = current();
    const file = await inventoryFile("broken", { agent: `    heartbeatIntervalS: 3\n    listen: {host: 127.0.0.1, port: ${blockedPort}}`, host: "    verifyTimeoutS: 5\n" });
    const [result] = await deploy(file);
    expect(result).toMatchObject({ outcome: "rolled-back", release: good, error: { code: "DEPLOY_VERIFY_FAILED" } });
    expect(result!.detail).toContain(`rolled back to ${good}, which answers again`);
    expect(current()).toBe(good);
    expect(releases()).toHaveLength(2);
    expect(await hello(agentPort)).toMatchObject({ agentId: "lab1", heartbeatIntervalS: 2 });
  }, 60_000);

  it("status and logs: the agent runs and answers; its log says it listens", async () => {
    const inventory = await loadInventory(await inventoryFile("main", { agent: `    heartbeatIntervalS: 2\n    listen: {host: 127.0.0.1, port: ${agentPort}}` }));
    const [status] = await serviceInventory({ inventory, action: { kind: "status" }, clock: systemClock, logger });
    expect(status).toMatchObject({ outcome: "running", release: current(), previous: bundle.version });
    const [logs] = await serviceInventory({ inventory, action: { kind: "logs", lines: 200 }, clock: systemClock, logger });
    expect(logs!.lines.some((line) => line.includes('"msg":"agent listening"'))).toBe(true);
  });

  it("refuses a host whose key does not match the inventory, and one whose key is unknown", async () => {
    const before = current();
    const [mismatch] = await deploy(await inventoryFile("wrong-key", { ssh: `    knownHostsFile: ${sshd.wrongKnownHostsFile}` }));
    expect(mismatch).toMatchObject({ outcome: "failed", error: { code: "DEPLOY_HOST_KEY_MISMATCH", context: { host: "lab1", step: "connect" } } });
    expect(mismatch!.detail).toMatch(/Host key of lab1 \(127\.0\.0\.1:\d+\) is SHA256:\S+, but the inventory expects SHA256:/);
    const [unknown] = await deploy(await inventoryFile("no-key", { ssh: "" }));
    expect(unknown).toMatchObject({ outcome: "failed", error: { code: "DEPLOY_HOST_KEY_UNKNOWN" } });
    expect(unknown!.detail).toContain(sshd.knownHostsLine);
    expect(current()).toBe(before);
  });

  it("reports each host's own error and carries on: wrong user key, unreachable host", async () => {
    const closedPort = await freePort();
    const hosts = [
      "  lab1:\n    address: 127.0.0.1",
      `  stranger:\n    address: 127.0.0.1\n    ssh: {keyFile: ${sshd.strangerKeyFile}}`,
      `  gone:\n    address: 127.0.0.1\n    ssh: {port: ${closedPort}}`,
    ].join("\n");
    const results = await deploy(await inventoryFile("fleet", { hosts, agent: `    heartbeatIntervalS: 2\n    listen: {host: 127.0.0.1, port: ${agentPort}}` }));
    expect(results.map((result) => [result.host, result.outcome, result.error?.code])).toEqual([
      ["lab1", "unchanged", undefined],
      ["stranger", "failed", "DEPLOY_AUTH_FAILED"],
      ["gone", "failed", "DEPLOY_UNREACHABLE"],
    ]);
    expect(results[1]!.detail).toContain(`refused the SSH key (${sshd.strangerKeyFile})`);
    expect(results[2]!.detail).toMatch(/Cannot reach gone \(.*127\.0\.0\.1:\d+\): .*ECONNREFUSED/);
  });

  it("the CLI prints one row per host and exits 1 when a host failed", async () => {
    const output: string[] = [];
    const context = { stdout: (text: string) => output.push(text), stderr: (text: string) => output.push(text), signal: new AbortController().signal, logger, interactive: false };
    const program = new Command("testbench").exitOverride().addCommand(deployCommand(context));
    const file = await inventoryFile("cli", { hosts: `  lab1:\n    address: 127.0.0.1\n  gone:\n    address: 127.0.0.1\n    ssh: {port: ${await freePort()}}` });
    const exitCode = process.exitCode;
    try {
      await program.parseAsync(["deploy", "status", file], { from: "user" });
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = exitCode;
    }
    const text = output.join("\n");
    expect(text).toMatch(/^HOST +RESULT +RELEASE +TIME +DETAIL$/m);
    expect(text).toMatch(/^lab1 +running +\S+ +\d+\.\ds +lab1 \S+ answers on 127\.0\.0\.1:\d+/m);
    expect(text).toMatch(/^gone +failed +- +\d+\.\ds +\[DEPLOY_UNREACHABLE\] Cannot reach gone/m);
    expect(text).toContain("2 hosts: 1 running, 1 failed");
  });

  it("stop ends the agent and its supervisor; no process is left", async () => {
    expect(agentProcesses().length).toBeGreaterThan(0);
    const inventory = await loadInventory(await inventoryFile("main"));
    const [stopped] = await serviceInventory({ inventory, action: { kind: "stop" }, clock: systemClock, logger });
    expect(stopped).toMatchObject({ outcome: "stopped" });
    const [status] = await serviceInventory({ inventory, action: { kind: "status" }, clock: systemClock, logger });
    expect(status).toMatchObject({ outcome: "not-running" });
    expect(agentProcesses()).toEqual([]);
  });

  it("never logs the token or the SSH key, here or on the host", () => {
    const logs = logText.join("");
    expect(logs.length).toBeGreaterThan(1000);
    expect(logs).not.toContain(TOKEN);
    const keyBody = readFileSync(sshd.userKeyFile, "utf8").split("\n")[2]!;
    expect(keyBody.length).toBeGreaterThan(40);
    expect(logs).not.toContain(keyBody);
    expect(readFileSync(join(installDir, "logs/agent.log"), "utf8")).not.toContain(TOKEN);
  });
});
