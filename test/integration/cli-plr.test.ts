import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("testbench search plr (built CLI, worker threads)", () => {
  it("prints one line per trial and the critical load", () => {
    const run = runCli(["search", "plr", "--device", "stretch", "--mrr", "1e7", "--spread", "1e5", "--trials", "12", "--samples", "300"]);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines.filter((line) => /^trial \d+ \([\d.]+ s\): load [\d,]+ pps, loss [\de.+-]+.*; avg [\d,]+ pps, stdev [\d,]+ pps$/.test(line))).toHaveLength(12);
    expect(lines[0]).toMatch(/^trial 1 \(5\.1 s\)/);
    expect(run.stdout).toMatch(/critical load: [\d,]+ pps \+- [\d,]+ pps \([\d,]+ pps \.\. [\d,]+ pps\); 12 trials, [\d.]+ trial-seconds/);
  });

  it("prints exactly one JSON object with --json, near the device's true critical load", () => {
    const run = runCli(["search", "plr", "--device", "erf", "--mrr", "1e7", "--spread", "1e5", "--trials", "20", "--samples", "500", "--json"]);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] ?? "") as Record<string, number>;
    expect(Object.keys(result)).toEqual(["avgPps", "stdevPps", "lowerPps", "upperPps", "trials", "trialSecondsSum", "samplesPerSecond"]);
    expect(result["trials"]).toBe(20);
    // docs/plrsearch.md: the erf device's critical load at 1e-7 is 9.6917 Mpps.
    expect(Math.abs((result["avgPps"] ?? 0) - 9.6917e6) / 9.6917e6).toBeLessThan(0.02);
    expect(result["lowerPps"]).toBeLessThan(result["upperPps"] ?? 0);
  });

  it.each([
    [["--device", "erf", "--target", "2"], /--target must be a number in the open interval \(0, 1\), got 2/],
    [["--device", "erf", "--min-load", "2e7"], /--max-load must be greater than --min-load \(20000000\)/],
    [["--device", "erf", "--trials", "3", "--timeout", "4"], /--timeout and --trials cannot be combined/],
    [["--device", "erf", "--trials", "x"], /--trials.*expected a number, got "x"/],
  ])("rejects %j", (args, message) => {
    const run = runCli(["search", "plr", ...(args as string[])]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message as RegExp);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
