/**
 * `testbench run` end to end on the embedded testbed (TRex emulator + agent processes): a clean
 * run, Ctrl-C then resume, and kill -9 then resume — the campaign completes with no duplicated
 * and at most one lost trial, and each run's stored trials are exactly the search it reports.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../common/clock.js";
import { mlrConfigFromFlags } from "../../controller/cli/search-flags.js";
import type { Measurer } from "../../controller/search/measurer.js";
import { mlrSearch } from "../../controller/search/mlr/search.js";
import { openStore, ResumeMeasurer } from "../../controller/store/index.js";
import { runCli } from "../helpers/cli.js";
import { newProcessTag, processesWithTag } from "../helpers/processes.js";
import { repoRoot } from "../helpers/paths.js";

const campaignYaml = `name: resume-test
testbeds:
  local: {kind: embedded}
defaults:
  replications: 2
  options: {initialDuration: 0.05, finalDuration: 0.05, durationSum: 1.05}
experiments:
  - {name: hard, kind: throughput, device: "hard:mrr=5e6"}
  - {name: stretch, kind: throughput, device: "stretch:mrr=5e6,spread=5e4"}
`;

function setup(): { file: string; store: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "tb-campaign-"));
  const file = path.join(dir, "campaign.yaml");
  writeFileSync(file, campaignYaml);
  return { file, store: path.join(dir, "store.sqlite") };
}

function storedTrialCount(store: string): number {
  try {
    const opened = openStore(store, { mode: "inspect" });
    try {
      const campaign = opened.campaigns()[0];
      return campaign ? opened.runsOf(campaign.id).reduce((sum, run) => sum + opened.trialsOf(run.id).length, 0) : 0;
    } finally {
      opened.close();
    }
  } catch {
    return 0;
  }
}

async function startAndInterrupt(file: string, store: string, signal: NodeJS.Signals, afterTrials: number, tag: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, "dist/bin/testbench.js"), "run", file, "--store", store], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TESTBENCH_LOG_LEVEL: "silent", TESTBENCH_TEST_TAG: tag },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve((exitCode = code))));
  for (let waited = 0; storedTrialCount(store) < afterTrials; waited += 1) {
    if (waited > 600 || exitCode !== undefined) throw new Error(`the campaign did not store ${afterTrials} trials (exit ${String(exitCode)}): ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill(signal);
  return { code: await exited, output };
}

/** Helper processes (agents, emulators) left by the controller this test started. */
function helperProcesses(tag: string): number {
  return processesWithTag(tag).length;
}

/** Replaying a run's stored trials through MLRsearch must use every one and give the stored result. */
async function expectConsistent(store: string): Promise<number> {
  const opened = openStore(store, { mode: "inspect" });
  try {
    const campaign = opened.campaigns()[0];
    if (!campaign) throw new Error("no campaign stored");
    expect(campaign.status).toBe("completed");
    const runs = opened.runsOf(campaign.id);
    expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    let total = 0;
    for (const run of runs) {
      const trials = opened.trialsOf(run.id);
      expect(trials.map((trial) => trial.index)).toEqual(trials.map((_, index) => index + 1));
      const noLiveTrials: Measurer = {
        measure: () => Promise.reject(new Error(`run ${run.id}: the search wants more trials than were stored`)),
      };
      const replay = new ResumeMeasurer(trials.map((trial) => trial.result), noLiveTrials, { clock: new VirtualClock(), source: `run ${run.id}` });
      const config = mlrConfigFromFlags({ initialDuration: 0.05, finalDuration: 0.05, durationSum: 1.05, searchDurationMax: 1e9 });
      const outcome = await mlrSearch(config, replay, { clock: new VirtualClock() });
      replay.assertConsumed();
      const stored = opened.resultsOf(run.id);
      expect(stored.map((result) => (result.kind === "goal" ? result.relevantLowerBoundPps : null))).toEqual(outcome.goals.map((goal) => goal.relevantLowerBoundPps));
      total += trials.length;
    }
    return total;
  } finally {
    opened.close();
  }
}

describe("testbench run", () => {
  it("runs a campaign to completion, storing every trial of every run", async () => {
    const { file, store } = setup();
    const first = runCli(["run", file, "--store", store], { timeoutMs: 180_000 });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/campaign resume-test \(id 1\) completed: 4 succeeded, 0 failed/);
    expect(first.stderr).toMatch(/SUMMARY completed=4\/4 succeeded=4 failed=0/);
    await expectConsistent(store);
  });

  it("Ctrl-C lets the trial in flight finish, marks the campaign interrupted, and a rerun resumes it", async () => {
    const { file, store } = setup();
    const tag = newProcessTag();
    const { code, output } = await startAndInterrupt(file, store, "SIGINT", 8, tag);
    expect(code, output).toBe(130);
    const opened = openStore(store, { mode: "inspect" });
    expect(opened.campaigns()[0]?.status).toBe("interrupted");
    opened.close();
    expect(helperProcesses(tag)).toBe(0);
    const again = runCli(["run", file, "--store", store], { timeoutMs: 180_000 });
    expect(again.status, `${again.stdout}${again.stderr}`).toBe(0);
    expect(again.stdout).toMatch(/completed \(resumed\)/);
    await expectConsistent(store);
  });

  it("after kill -9 mid-campaign, running again completes it with no duplicated and at most one lost trial", async () => {
    const { file, store } = setup();
    const tag = newProcessTag();
    const { code, output } = await startAndInterrupt(file, store, "SIGKILL", 12, tag);
    expect(code, output).toBeNull();
    const storedBefore = storedTrialCount(store);
    for (let waited = 0; helperProcesses(tag) > 0 && waited < 50; waited += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(helperProcesses(tag)).toBe(0);
    const again = runCli(["run", file, "--store", store], { timeoutMs: 180_000 });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/completed \(resumed\)/);
    const total = await expectConsistent(store);
    expect(total).toBeGreaterThanOrEqual(storedBefore);
  });

  it("rejects a broken campaign file before any trial runs, listing every error", () => {
    const { store } = setup();
    const dir = mkdtempSync(path.join(tmpdir(), "tb-bad-campaign-"));
    const bad = path.join(dir, "bad.yaml");
    writeFileSync(bad, "name: bad\nexperiments:\n  - {name: a, kind: throughput, testbed: nowhere, device: 'hard:mrr=1e7'}\n  - {name: b, kind: warp}\n");
    const run = runCli(["run", bad, "--store", store]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/has 2 errors:\n.*bad.yaml:3:\d+: experiments\[0\]\.testbed: unknown testbed "nowhere"[^\n]*\n.*bad.yaml:4:\d+: experiments\[1\]\.kind: must be one of "throughput", "soak", "failover", "lbsim"; got "warp"/);
    expect(existsSync(store)).toBe(false);
  });
});
