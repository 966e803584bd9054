import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../controller/store/index.js";
import { runCli } from "../helpers/cli.js";

function campaignFile(text: string): { file: string; store: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "tb-soak-"));
  const file = path.join(dir, "soak.yaml");
  writeFileSync(file, text);
  return { file, store: path.join(dir, "store.sqlite") };
}

describe("soak experiments in campaigns", () => {
  it("run PLRsearch per replication and store the estimate, every trial and the estimate after each", () => {
    const { file, store } = campaignFile(`name: soak
testbeds:
  sim: {kind: simulated}
experiments:
  - name: erf-soak
    kind: soak
    device: "erf:mrr=1e7,spread=1e5"
    replications: 2
    options: {trials: 10, samples: 200, target: 1e-7}
`);
    const run = runCli(["run", file, "--store", store], { timeoutMs: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/campaign soak \(id 1\) completed: 2 succeeded/);
    const opened = openStore(store, { mode: "inspect" });
    try {
      const runs = opened.runsOf(1);
      expect(runs.map((r) => [r.kind, r.status])).toEqual([["soak", "succeeded"], ["soak", "succeeded"]]);
      expect(runs[0]?.seed).not.toBe(runs[1]?.seed);
      for (const r of runs) {
        expect(opened.trialsOf(r.id)).toHaveLength(10);
        expect(opened.samplesOf(r.id, "plr:estimate")).toHaveLength(10);
        const [result] = opened.resultsOf(r.id);
        expect(result?.kind).toBe("soak");
        if (result?.kind !== "soak") throw new Error("not a soak result");
        expect(Math.abs(result.averagePps - 9.6917e6) / 9.6917e6).toBeLessThan(0.05);
        expect(result.stdevPps).toBeGreaterThan(0);
      }
    } finally {
      opened.close();
    }
  });

  it("reject options that do not apply and an algorithm on a soak experiment", () => {
    const { file, store } = campaignFile(`name: bad
experiments:
  - name: s
    kind: soak
    device: "erf:mrr=1e7"
    algorithm: mlr
    options: {exceedRatio: 0.5, target: 1e-6}
`);
    const run = runCli(["run", file, "--store", store]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/experiments\[0\]\.algorithm: a soak experiment always uses PLRsearch/);
    expect(run.stderr).toMatch(/experiments\[0\]\.options\.exceedRatio: does not apply to algorithm plr/);
  });
});
