import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CampaignFileError } from "../../../../controller/campaign/issues.js";
import { loadCampaignFile, parseCampaign } from "../../../../controller/campaign/load.js";
import { repoRoot } from "../../../helpers/paths.js";

function issuesOf(text: string, file = "/lab/c.yaml"): string[] {
  try {
    parseCampaign(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(CampaignFileError);
    return (error as CampaignFileError).issues.map((issue) => `${issue.line}:${issue.column} ${issue.key}: ${issue.message}`);
  }
  throw new Error("expected the campaign to be rejected");
}

describe("campaign files", () => {
  it("loads the default campaign", () => {
    const campaign = loadCampaignFile(path.join(repoRoot, "examples/default.yaml"));
    expect(campaign.name).toBe("default");
    expect(campaign.experiments.map((e) => [e.key, e.replications, e.algorithm, e.device?.kind])).toEqual([
      ["hard-10M", 2, "mlr", "hard"],
      ["stretch-10M", 2, "mlr", "stretch"],
      ["stretch-10M-rfc2544", 1, "rfc2544", "stretch"],
    ]);
    expect(campaign.testbeds.get("local")?.kind).toBe("embedded");
  });

  it("expands a sweep into one experiment per value", () => {
    const campaign = parseCampaign(
      ["name: s", "experiments:", "  - name: w", "    kind: throughput", "    device: hard:mrr=1e7", "    sweep:", "      parameter: device.mrr", "      values: [1e6, 5e6]"].join("\n"),
      "/lab/s.yaml",
    );
    expect(campaign.experiments.map((e) => [e.key, e.device?.mrrPps])).toEqual([
      ["w[device.mrr=1000000]", 1e6],
      ["w[device.mrr=5000000]", 5e6],
    ]);
  });

  it("lists every error with its line, column and key before anything runs", () => {
    const issues = issuesOf(
      [
        "name: bad",
        "colour: blue",
        "testbeds:",
        "  lab:",
        "    kind: agents",
        "    agents:",
        "      - id: tg1",
        "        url: ws://127.0.0.1:7000",
        "        tokenFile: missing.token",
        "experiments:",
        "  - name: a",
        "    kind: throughput",
        "    testbed: nowhere",
        "  - name: b",
        "    kind: throughput",
        "    testbed: lab",
        "    replications: 0",
        "    options:",
        "      width: 2",
        "      speed: 3",
      ].join("\n"),
    );
    expect(issues).toEqual([
      '2:1 colour: unknown key "colour"; known keys: name, description, seed, testbeds, defaults, experiments',
      "9:20 testbeds.lab.agents[0].tokenFile: token file /lab/missing.token does not exist or cannot be read",
      '13:14 experiments[0].testbed: unknown testbed "nowhere"; defined testbeds: lab',
      "17:19 experiments[1].replications: must be >= 1; got 0",
      "19:14 experiments[1].options.width: must be < 1; got 2",
      expect.stringMatching(/^20:7 experiments\[1\]\.options\.speed: unknown key "speed"; known keys: minLoad, maxLoad/),
    ]);
  });

  it("rejects an unknown kind and names the known ones", () => {
    expect(issuesOf("name: k\nexperiments:\n  - name: a\n    kind: teleport\n")).toEqual(['4:11 experiments[0].kind: must be one of "throughput", "soak", "failover", "lbsim"; got "teleport"']);
  });

  it("checks the search config as the CLI would, naming the option", () => {
    expect(issuesOf("name: k\nexperiments:\n  - name: a\n    kind: throughput\n    device: hard:mrr=1e7\n    options:\n      minLoad: 2e7\n")).toEqual([
      "7:7 experiments[0].options.maxLoad: options.maxLoad must be above options.minLoad (20000000 pps); got 14880000",
    ]);
    expect(issuesOf("name: k\nexperiments:\n  - name: a\n    kind: throughput\n    device: hard:mrr=1e7\n    algorithm: rfc2544\n    options:\n      exceedRatio: 0.1\n")).toEqual([
      expect.stringMatching(/^8:7 experiments\[0\]\.options\.exceedRatio: does not apply to algorithm rfc2544/),
    ]);
    expect(issuesOf("name: k\nexperiments:\n  - name: a\n    kind: throughput\n    device: warp:mrr=1\n")).toEqual([
      expect.stringMatching(/^5:13 experiments\[0\]\.device: Unknown device kind "warp"/),
    ]);
  });

  it("reports YAML syntax errors with their position", () => {
    expect(issuesOf("name: k\nexperiments: [\n")[0]).toMatch(/^\d+:\d+ : YAML: /);
  });

  it("rejects duplicate experiment names and a missing device", () => {
    const issues = issuesOf("name: k\nexperiments:\n  - name: a\n    kind: throughput\n    device: hard:mrr=1e7\n  - name: a\n    kind: throughput\n");
    expect(issues).toEqual([
      '6:11 experiments[1].name: experiment name "a" is used twice; names must be unique',
      '6:11 experiments[1].name: needs a device: testbed "local" (embedded) simulates one',
    ]);
  });

  it("resolves token files next to the campaign file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tb-campaign-"));
    writeFileSync(path.join(dir, "tg1.token"), "secret\n");
    const file = path.join(dir, "c.yaml");
    writeFileSync(file, "name: c\ntestbeds:\n  lab:\n    kind: agents\n    agents:\n      - {id: tg1, url: 'ws://127.0.0.1:7000', tokenFile: tg1.token}\nexperiments:\n  - {name: a, kind: throughput}\n");
    const campaign = loadCampaignFile(file);
    expect(campaign.testbeds.get("lab")?.agents[0]?.tokenFile).toBe(path.join(dir, "tg1.token"));
    expect(campaign.experiments[0]?.device).toBeNull();
  });

  it("says when the file cannot be read", () => {
    expect(() => loadCampaignFile("/nonexistent/campaign.yaml")).toThrow(/cannot read campaign file \/nonexistent\/campaign.yaml: no such file/);
  });
});
