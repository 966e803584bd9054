import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { vectorDir } from "../helpers/paths.js";

const jsonKeys = ["goals", "trials", "trialSecondsSum", "effectiveSecondsSum", "error"];
const goalKeys = ["name", "lossRatio", "conditionalThroughputPps", "relevantLowerBoundPps", "relevantUpperBoundPps", "regular"];

function parseOneJson(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split("\n");
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? "") as Record<string, unknown>;
}

function expectUserError(args: string[], message: RegExp): void {
  const run = runCli(args);
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).toBe("");
}

describe("testbench search (built CLI)", () => {
  it("prints exactly one JSON object with the documented keys", () => {
    const run = runCli(["search", "mlr", "--device", "hard", "--mrr", "1e7", "--seed", "1", "--json"]);
    expect(run.status, run.stderr).toBe(0);
    const report = parseOneJson(run.stdout);
    expect(Object.keys(report)).toEqual(jsonKeys);
    const goals = report["goals"] as Array<Record<string, unknown>>;
    expect(goals.map((goal) => Object.keys(goal))).toEqual([goalKeys, goalKeys]);
    expect(goals.map((goal) => goal["name"])).toEqual(["NDR", "PDR"]);
    // The simulated hard device with seed 1 is the device of the hard-10M vector.
    expect(report["trials"]).toBe(38);
    expect(goals[0]?.["conditionalThroughputPps"]).toBeCloseTo(9966036.864896277, 3);
    expect(report["error"]).toBeNull();
  });

  it("prints a table by default", () => {
    const run = runCli(["search", "mlr", "--device", "erf", "--mrr", "1e7", "--spread", "1e5", "--seed", "2"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/goal\s+conditional throughput\s+relevant lower bound\s+relevant upper bound\s+regular\s+trials\s+trial-seconds/);
    expect(run.stdout).toMatch(/NDR \(loss 0\)\s+9,670,890 pps/);
    expect(run.stdout).toMatch(/total\s+57\s+57 s/);
  });

  for (const name of readdirSync(vectorDir).filter((file) => file.endsWith(".json"))) {
    it(`replays ${name} from the command line`, () => {
      const vector = JSON.parse(readFileSync(path.join(vectorDir, name), "utf8")) as { trials: unknown[]; result: { error?: string } };
      const run = runCli(["search", "mlr", "--replay", path.join(vectorDir, name), "--json"]);
      const report = parseOneJson(run.stdout);
      expect(report["trials"]).toBe(vector.trials.length);
      if (vector.result.error) {
        expect(run.status).toBe(1);
        expect(report["error"]).toMatch(/^No lower bound/);
      } else {
        expect(run.status, run.stderr).toBe(0);
        expect(report["error"]).toBeNull();
      }
    });
  }

  it("fails loudly on the first replay mismatch, naming the trial and both loads", () => {
    const vector = JSON.parse(readFileSync(path.join(vectorDir, "hard-10M.json"), "utf8")) as { trials: Array<{ loss: number }> };
    const trial = vector.trials[2];
    if (!trial) throw new Error("vector too short");
    trial.loss = 0; // trial 3 now passes, so the search asks for a different trial 4
    const dir = mkdtempSync(path.join(tmpdir(), "tb-replay-"));
    const file = path.join(dir, "tampered.json");
    writeFileSync(file, JSON.stringify(vector));
    const run = runCli(["search", "mlr", "--replay", file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/REPLAY_MISMATCH.*trial 4: the search asked for 1 s at [0-9.]+ pps, .*tampered.json has 1 s at 10066407.342287453 pps/);
  });

  it("runs RFC 2544 binary search with the same output shape", () => {
    const run = runCli(["search", "rfc2544", "--device", "hard", "--mrr", "1e7", "--noise", "0", "--json"]);
    expect(run.status, run.stderr).toBe(0);
    const report = parseOneJson(run.stdout);
    expect(Object.keys(report)).toEqual(jsonKeys);
    const [goal] = report["goals"] as Array<Record<string, number>>;
    expect(goal?.["relevantLowerBoundPps"]).toBeLessThanOrEqual(1e7);
    expect(goal?.["relevantUpperBoundPps"]).toBeGreaterThan(1e7);
    expect(report["trialSecondsSum"]).toBe((report["trials"] as number) * 60);
  });

  it("exits non-zero with the error in JSON when min load is already too much", () => {
    const run = runCli(["search", "mlr", "--device", "hard", "--mrr", "5000", "--json"]);
    expect(run.status).toBe(1);
    expect(parseOneJson(run.stdout)["error"]).toMatch(/No lower bound: goal NDR .* fails already at 9001 pps/);
  });

  it.each([
    [["search", "mlr", "--device", "hard", "--exceed-ratio", "1"], /--exceed-ratio \(goal NDR\) must be in \[0, 1\); got 1/],
    [["search", "mlr", "--device", "hard", "--exceed-ratio", "-0.5"], /--exceed-ratio .* got -0.5/],
    [["search", "mlr", "--device", "hard", "--width", "1"], /--width \(goal NDR\) must be in \(0, 1\); got 1/],
    [["search", "mlr", "--device", "hard", "--min-load", "2e7"], /--max-load must be above --min-load \(20000000 pps\); got 14880000/],
    [["search", "mlr", "--device", "hard", "--duration-sum", "0.5"], /--duration-sum .* at least the final trial duration \(1 s\); got 0.5/],
    [["search", "mlr", "--device", "nosuch"], /--device got "nosuch"; valid devices: hard, stretch, erf, bursty/],
    [["search", "mlr", "--device", "hard", "--preset", "ndr"], /--preset got "ndr"; known presets/],
    [["search", "mlr", "--device", "hard", "--width", "abc"], /--width.*expected a number, got "abc"/],
    [["search", "mlr", "--device", "hard", "--mrr", "-1"], /--mrr must be a finite number > 0.*got -1/],
    [["search", "mlr"], /--device is required/],
    [["search", "mlr", "--replay", "/nonexistent/vector.json"], /cannot read vector file \/nonexistent\/vector.json: no such file/],
    [["search", "mlr", "--replay", path.join(vectorDir, "hard-10M.json"), "--width", "0.1"], /--width cannot be combined with --replay/],
    [["search", "rfc2544", "--device", "hard", "--resolution", "2"], /--resolution must be a number in \(0, 1\), got 2/],
  ])("rejects %j with a clear message", (args, message) => {
    expectUserError(args as string[], message as RegExp);
  });

  it("rejects a malformed vector file naming the file and key", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tb-vector-"));
    const notJson = path.join(dir, "broken.json");
    writeFileSync(notJson, "{broken");
    expectUserError(["search", "mlr", "--replay", notJson], /broken.json: not valid JSON/);
    const badTrial = path.join(dir, "bad-trial.json");
    writeFileSync(badTrial, JSON.stringify({ reference_args: "--device hard", trials: [{ n: 1, duration: 1, load: "fast", offered: 1, loss: 0 }], result: {} }));
    expectUserError(["search", "mlr", "--replay", badTrial], /bad-trial.json: trials\[0\].load: expected a load in pps, got "fast"/);
    const badArgs = path.join(dir, "bad-args.json");
    writeFileSync(badArgs, JSON.stringify({ reference_args: "--device hard --bogus 3", trials: [], result: { goals: [] } }));
    expectUserError(["search", "mlr", "--replay", badArgs], /bad-args.json: reference_args: unknown option '--bogus'/);
  });
});
