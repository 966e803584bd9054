/**
 * The service runner script with real processes (no SSH): a fake agent in <dir>/current that
 * records each start; start, status, restart-after-crash, restart, logs, stop, nothing left over.
 */
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUNNER_RELATIVE_PATH, renderRunnerScript } from "../../../../deploy/service/runner-script.js";

const FAKE_AGENT = `
const fs = require("fs");
const path = require("path");
const dir = path.dirname(process.argv[process.argv.indexOf("--config") + 1]);
fs.appendFileSync(path.join(dir, "starts"), process.pid + "\\n");
console.error(JSON.stringify({ msg: "agent listening", pid: process.pid, level: process.env.TESTBENCH_LOG_LEVEL }));
if (fs.existsSync(path.join(dir, "crash"))) process.exit(1);
process.on("SIGTERM", () => { console.error(JSON.stringify({ msg: "agent stopped" })); process.exit(0); });
setInterval(() => {}, 1000);
`;

let dir = "";
let runner = "";
const run = (command: string, ...args: string[]) => execa(runner, [command, ...args], { reject: false });
const starts = (): string[] => readFileSync(join(dir, "current/starts"), "utf8").trim().split("\n");
const processes = (): string[] =>
  execSync("ps -eo pid,args", { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(dir) && !line.includes(" ps "));

async function until(condition: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tb-runner-"));
  await mkdir(join(dir, "releases/r1/app/dist/bin"), { recursive: true });
  await writeFile(join(dir, "releases/r1/app/dist/bin/testbench.js"), FAKE_AGENT);
  await writeFile(join(dir, "releases/r1/agent.yaml"), "agentId: fake\n");
  await symlink("releases/r1", join(dir, "current"));
  runner = join(dir, RUNNER_RELATIVE_PATH);
  await mkdir(join(dir, "bin"));
  await writeFile(runner, renderRunnerScript({ installDir: dir, node: process.execPath }));
  await chmod(runner, 0o755);
});

afterAll(async () => {
  await run("stop");
  await rm(dir, { recursive: true, force: true });
});

describe("the service runner", () => {
  it("starts a detached supervisor that runs the agent of current, with info logs", async () => {
    const started = await run("start");
    expect(started.exitCode, started.stderr).toBe(0);
    expect(started.stdout).toMatch(/^started \d+$/);
    await until(() => existsSync(join(dir, "current/starts")));
    const status = await run("status");
    expect(status).toMatchObject({ exitCode: 0, stdout: started.stdout.replace("started", "running") });
    expect((await run("start")).stdout).toBe(status.stdout);
    await until(() => readFileSync(join(dir, "logs/agent.log"), "utf8").includes("agent listening"));
    expect(readFileSync(join(dir, "logs/agent.log"), "utf8")).toContain('"level":"info"');
  });

  it("restarts the agent 2 s after it dies", async () => {
    const [first] = starts();
    process.kill(Number(first), "SIGKILL");
    await until(() => starts().length === 2);
    expect(readFileSync(join(dir, "logs/agent.log"), "utf8")).toContain("the agent exited with status 137; restarting in 2 s");
  });

  it("restart replaces the supervisor and the agent; logs prints the end of the log", async () => {
    const before = (await run("status")).stdout;
    expect((await run("restart")).stdout).toMatch(/^started \d+$/);
    expect((await run("status")).stdout).not.toBe(before);
    await until(() => starts().length === 3);
    const logs = await run("logs", "2");
    expect(logs.stdout.split("\n")).toHaveLength(2);
  });

  it("stop ends supervisor and agent; status then says stopped (exit 3) and no process is left", async () => {
    expect((await run("stop")).stdout).toBe("stopped");
    expect(await run("status")).toMatchObject({ exitCode: 3, stdout: "stopped" });
    expect(existsSync(join(dir, "run/supervisor.pid"))).toBe(false);
    await until(() => processes().length === 0, 3000);
    expect(readFileSync(join(dir, "logs/agent.log"), "utf8")).toContain("agent stopped");
  });

  it("keeps an agent that exits at once in a slow restart loop that stop still ends", async () => {
    await writeFile(join(dir, "current/crash"), "");
    const count = starts().length;
    await run("start");
    await until(() => starts().length >= count + 2, 8000);
    expect((await run("stop")).stdout).toBe("stopped");
    await until(() => processes().length === 0, 3000);
    await rm(join(dir, "current/crash"));
  });
});
