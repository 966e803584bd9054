/**
 * The real path from the command line: `testbench start` (the default campaign) and
 * `testbench search --agent`, through local agent processes driving TRex emulator processes
 * over TRex's RPC, all on loopback.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../common/logger.js";
import { startEmbeddedTestbed, type EmbeddedTestbed } from "../../controller/testbed/embedded.js";
import { runCli } from "../helpers/cli.js";
import { newProcessTag, processesWithTag } from "../helpers/processes.js";

const shortTrials = ["--initial-duration", "0.05", "--final-duration", "0.05", "--duration-sum", "1.05"];

describe("testbench start", () => {
  it("runs the default campaign through local agents and TRex emulators, stores it, writes the report, and cleans up", () => {
    const tag = newProcessTag();
    const dir = mkdtempSync(path.join(tmpdir(), "tb-start-"));
    const store = path.join(dir, "store.sqlite");
    const run = runCli(["start", "--store", store], { timeoutMs: 240_000, env: { TESTBENCH_TEST_TAG: tag } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Testbench: campaign default from .*examples\/default\.yaml/);
    expect(run.stdout).toMatch(/hard-10M: throughput mlr on local \(device hard\), 2 replication\(s\)/);
    expect(run.stdout).toMatch(/campaign default \(id 1\) completed: 5 succeeded, 0 failed, 0 not finished/);
    expect(run.stdout).toContain(`store:  ${store}`);
    const reportFile = /report: (\S+\.html)/.exec(run.stdout)?.[1] ?? "";
    expect(existsSync(reportFile)).toBe(true);
    expect(readFileSync(reportFile, "utf8")).toMatch(/<svg[^>]*>/);
    expect(run.stderr).toMatch(/SUMMARY completed=5\/5 succeeded=5 failed=0/);
    expect(processesWithTag(tag)).toEqual([]);
  });
});

describe("testbench search --agent", () => {
  let testbed: EmbeddedTestbed;
  let tokenFile: string;

  beforeAll(async () => {
    testbed = await startEmbeddedTestbed({ device: "hard:mrr=2e6,noise=0,seed=1", logger: silentLogger });
    const dir = mkdtempSync(path.join(tmpdir(), "tb-agent-cli-"));
    tokenFile = path.join(dir, "token");
    writeFileSync(tokenFile, `${testbed.token}\n`);
  });

  afterAll(async () => {
    await testbed.close();
  });

  it("gives the same JSON shape as a simulated search, with bounds around the device's limit", () => {
    const run = runCli(["search", "mlr", "--agent", testbed.agentUrl, "--token-file", tokenFile, "--max-load", "4e6", ...shortTrials, "--json"], { timeoutMs: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { goals: Array<Record<string, number | boolean | string>>; trials: number; trialSecondsSum: number; effectiveSecondsSum: number; error: null };
    expect(Object.keys(report)).toEqual(["goals", "trials", "trialSecondsSum", "effectiveSecondsSum", "error"]);
    const ndr = report.goals[0];
    expect(ndr?.["name"]).toBe("NDR");
    expect(ndr?.["relevantLowerBoundPps"]).toBeLessThanOrEqual(2e6);
    expect(ndr?.["relevantUpperBoundPps"]).toBeGreaterThan(2e6 * 0.99);
    expect(report.effectiveSecondsSum).toBeGreaterThan(report.trialSecondsSum);
  });

  it("runs RFC 2544 binary search through the agent too", () => {
    const run = runCli(["search", "rfc2544", "--agent", testbed.agentUrl, "--token-file", tokenFile, "--max-load", "4e6", "--trial-duration", "0.05", "--json"], { timeoutMs: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { goals: Array<Record<string, number>> };
    expect(report.goals[0]?.["relevantLowerBoundPps"]).toBeLessThanOrEqual(2e6);
    expect(report.goals[0]?.["relevantUpperBoundPps"]).toBeGreaterThan(2e6);
  });

  it("refuses a wrong token with a clear error and no stack trace", () => {
    const wrong = path.join(path.dirname(tokenFile), "wrong");
    writeFileSync(wrong, "not-the-token-at-all\n");
    const run = runCli(["search", "mlr", "--agent", testbed.agentUrl, "--token-file", wrong, ...shortTrials]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/AGENT_AUTH_REFUSED/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [["--agent", "http://127.0.0.1:1"], /--agent must be a ws:\/\/ or wss:\/\/ URL, got "http:\/\/127.0.0.1:1"/],
    [["--agent", "ws://127.0.0.1:1"], /--token-file is required with --agent/],
    [["--agent", "ws://127.0.0.1:1", "--token-file", "/nonexistent/token"], /--token-file \/nonexistent\/token: no such file/],
    [["--agent", "ws://127.0.0.1:1", "--token-file", "/dev/null"], /--token-file \/dev\/null is empty/],
    [["--agent", "ws://127.0.0.1:1", "--device", "hard"], /--device cannot be combined with --agent/],
  ])("rejects %j", (args, message) => {
    const run = runCli(["search", "mlr", ...(args as string[])]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message as RegExp);
  });
});
