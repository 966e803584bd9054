import { describe, expect, it } from "vitest";
import { CampaignFileError } from "../../../../controller/campaign/issues.js";
import { parseCampaign } from "../../../../controller/campaign/load.js";
import { planRuns } from "../../../../controller/orchestrator/plan.js";

function issuesOf(text: string): string[] {
  try {
    parseCampaign(text, "/lab/l.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(CampaignFileError);
    return (error as CampaignFileError).issues.map((issue) => `${issue.line} ${issue.key}: ${issue.message}`);
  }
  throw new Error("expected the campaign to be rejected");
}

const file = (lbsim: string, extra = "") => `name: l\nseed: 7\nexperiments:\n  - name: lb\n    kind: lbsim\n${extra}    lbsim: ${lbsim}\n`;

describe("lbsim experiments in campaign files", () => {
  it("load a scenario with a subset of its algorithms, on the implicit cpu slot, one run per replication", () => {
    const campaign = parseCampaign(file("{scenario: lowUtilization, algorithms: [Random, Hcl], workers: 2}", "    replications: 3\n"), "/lab/l.yaml");
    const [experiment] = campaign.experiments;
    expect(experiment).toMatchObject({ key: "lb", kind: "lbsim", testbed: "cpu", replications: 3, lbsim: { scenario: "lowUtilization", algorithms: ["Random", "Hcl"], workers: 2 } });
    const runs = planRuns(campaign);
    expect(runs).toHaveLength(3);
    expect(runs[0]).toMatchObject({ kind: "lbsim", replication: 1, parameters: { testbed: "cpu", sweep: null, lbsim: { scenario: "lowUtilization", algorithms: ["Random", "Hcl"] } } });
    expect(new Set(runs.map((run) => run.seed)).size).toBe(3);
  });

  it("takes every algorithm of the scenario when none is named", () => {
    const [experiment] = parseCampaign(file("{scenario: notebook}"), "/lab/l.yaml").experiments;
    expect(experiment?.lbsim).toEqual({ scenario: "notebook" });
    expect(experiment?.replications).toBe(1);
  });

  it("refuses an unknown scenario at its line", () => {
    const [issue, ...rest] = issuesOf(file("{scenario: nosuch}"));
    expect(rest).toEqual([]);
    expect(issue).toMatch(/^6 experiments\[0\]\.lbsim\.scenario: lbsim: no scenario "nosuch"; known: notebook, negligibleServerLatency/);
  });

  it("refuses an algorithm the scenario does not have, at its item", () => {
    expect(issuesOf(file("\n      scenario: lowUtilization\n      algorithms: [Random, NoSuchPicker]"))).toEqual([
      expect.stringMatching(/^8 experiments\[0\]\.lbsim\.algorithms\[1\]: scenario "lowUtilization" has no algorithm "NoSuchPicker"; its algorithms: Random, RoundRobin/),
    ]);
  });

  it("refuses a testbed, a sweep, unknown keys, repeated algorithms and bad worker counts", () => {
    expect(issuesOf(file("{scenario: lowUtilization}", "    testbed: local\n"))[0]).toMatch(/experiments\[0\]\.testbed: unknown key "testbed"/);
    expect(issuesOf(file("{scenario: lowUtilization}", "    sweep: {parameter: lbsim.workers, values: [1]}\n"))[0]).toMatch(/experiments\[0\]\.sweep: unknown key "sweep"/);
    expect(issuesOf(file("{scenario: lowUtilization, colour: red}"))[0]).toMatch(/experiments\[0\]\.lbsim\.colour: unknown key "colour"/);
    expect(issuesOf(file("{scenario: lowUtilization, algorithms: [Random, Random]}"))[0]).toMatch(/experiments\[0\]\.lbsim\.algorithms/);
    expect(issuesOf(file("{scenario: lowUtilization, workers: 0}"))[0]).toMatch(/experiments\[0\]\.lbsim\.workers/);
    expect(issuesOf(file("{algorithms: [Random]}"))[0]).toMatch(/experiments\[0\]\.lbsim.*scenario/);
  });
});
