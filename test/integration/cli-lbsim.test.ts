import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("testbench lbsim (built CLI, worker threads)", () => {
  it("runs the notebook's scenario, prints the best algorithms and writes a report with box plots", () => {
    const report = path.join(mkdtempSync(path.join(tmpdir(), "tb-lbsim-")), "lbsim.html");
    const run = runCli(["lbsim", "--replications", "2", "--report", report], { timeoutMs: 170_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/notebook: top algorithms by total score \(of \d+\)/);
    expect(run.stdout).toMatch(/\d+ runs in [\d.]+ s, 0 failed; report: /);
    expect(run.stderr).toMatch(/SUMMARY completed=(\d+)\/\1 /);
    const html = readFileSync(report, "utf8");
    expect(html).toMatch(/<table class="lbsim-scores">/);
    expect((html.match(/class="box-row"/g) ?? []).length).toBeGreaterThan(100);
  });

  it("refuses an unknown scenario before anything runs", () => {
    const run = runCli(["lbsim", "--scenarios", "nosuch"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no scenario "nosuch"; known: /);
  });
});
