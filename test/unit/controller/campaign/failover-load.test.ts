import { describe, expect, it } from "vitest";
import path from "node:path";
import { CampaignFileError } from "../../../../controller/campaign/issues.js";
import { loadCampaignFile, parseCampaign } from "../../../../controller/campaign/load.js";
import { planRuns } from "../../../../controller/orchestrator/plan.js";
import { repoRoot } from "../../../helpers/paths.js";

function issuesOf(text: string): string[] {
  try {
    parseCampaign(text, "/lab/f.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(CampaignFileError);
    return (error as CampaignFileError).issues.map((issue) => `${issue.line} ${issue.key}: ${issue.message}`);
  }
  throw new Error("expected the campaign to be rejected");
}

const base = (failover: string, extra = "") => `name: f\ntestbeds:\n  local: {kind: embedded}\nexperiments:\n  - name: fo\n    kind: failover\n${extra}    failover:\n${failover}`;

describe("failover experiments in campaign files", () => {
  it("loads examples/failover.yaml: one experiment per poll interval, the sweep value applied", () => {
    const campaign = loadCampaignFile(path.join(repoRoot, "examples/failover.yaml"));
    expect(campaign.experiments.map((experiment) => [experiment.key, experiment.kind, experiment.failover?.action?.params?.["pollMs"]])).toEqual([
      ["poll-sweep[action.params.pollMs=10]", "failover", 10],
      ["poll-sweep[action.params.pollMs=50]", "failover", 50],
      ["poll-sweep[action.params.pollMs=100]", "failover", 100],
      ["poll-sweep[action.params.pollMs=200]", "failover", 200],
    ]);
    const runs = planRuns(campaign);
    expect(runs).toHaveLength(8);
    expect(runs[2]).toMatchObject({ kind: "failover", replication: 1, parameters: { testbed: "local", failover: { timeline: { t1S: 1, t2S: 3 }, action: { params: { pollMs: 50 } } } } });
  });

  it("refuses a timeline with overlapping times at its line", () => {
    expect(issuesOf(base("      timeline: {t1S: 2, t2S: 1}\n"))).toEqual(["8 experiments[0].failover.timeline.t2S: failover timeline.t2S must be after the trigger t1S = 2 s, got 1"]);
  });

  it("refuses unknown keys, a bad sweep parameter and bad analysis options", () => {
    expect(issuesOf(base("      timeline: {t1S: 1, t2S: 3}\n      colour: red\n"))[0]).toMatch(/experiments\[0\]\.failover\.colour: unknown key "colour"/);
    expect(issuesOf(base("      timeline: {t1S: 1, t2S: 3}\n", "    sweep: {parameter: options.width, values: [1]}\n"))[0]).toMatch(/experiments\[0\]\.sweep\.parameter: must match pattern/);
    expect(issuesOf(base("      timeline: {t1S: 1, t2S: 3}\n      analysis: {epochS: 0}\n"))[0]).toMatch(/failover\.analysis\.epochS/);
  });

  it("on an agents testbed needs the sessions and the trigger named, with agents of that testbed", () => {
    const text = `name: f\ntestbeds:\n  lab:\n    kind: agents\n    agents: [{id: a, url: "ws://h:1", tokenFile: /dev/null}]\nexperiments:\n  - name: fo\n    kind: failover\n    failover:\n      meters: [{agent: b, meter: m}]\n      timeline: {t1S: 1, t2S: 3}\n`;
    expect(issuesOf(text)).toEqual([
      expect.stringContaining("name the iperf3 sessions"),
      expect.stringContaining("name the trigger: failover.action {agent, name, params}"),
      expect.stringContaining('agent "b" is not in testbed "lab"; it has a'),
    ]);
  });
});
