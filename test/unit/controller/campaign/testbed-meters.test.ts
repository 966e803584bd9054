import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CampaignFileError } from "../../../../controller/campaign/issues.js";
import { parseCampaign } from "../../../../controller/campaign/load.js";

function campaign(testbed: string): { text: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "tb-meters-"));
  writeFileSync(path.join(dir, "a.token"), "x\n");
  return { file: path.join(dir, "c.yaml"), text: `name: c\ntestbeds:\n  lab:\n${testbed}experiments:\n  - {name: a, kind: throughput, device: "hard:mrr=1e6"}\n` };
}

function issuesOf(testbed: string): string[] {
  const { text, file } = campaign(testbed);
  try {
    parseCampaign(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(CampaignFileError);
    return (error as CampaignFileError).issues.map((issue) => `${issue.key}: ${issue.message}`);
  }
  throw new Error("expected the campaign to be rejected");
}

const agents = "    kind: agents\n    agents:\n      - {id: tg1, url: 'ws://127.0.0.1:7000', tokenFile: a.token}\n";

describe("testbed meters", () => {
  it("reads an agents testbed's meters; the embedded testbed has its simulated meter; a simulated one none", () => {
    const lab = campaign(`${agents}    meters:\n      - {agent: tg1, meter: fpga0, intervalMs: 50}\n`);
    expect(parseCampaign(lab.text, lab.file).testbeds.get("lab")?.meters).toEqual([{ agent: "tg1", meter: "fpga0", intervalMs: 50 }]);
    const embedded = campaign("    kind: embedded\n");
    expect(parseCampaign(embedded.text, embedded.file).testbeds.get("lab")?.meters).toEqual([{ agent: "embedded", meter: "sim" }]);
    const simulated = campaign("    kind: simulated\n");
    expect(parseCampaign(simulated.text, simulated.file).testbeds.get("lab")?.meters).toEqual([]);
  });

  it("rejects a meter on an agent the testbed does not list, a meter named twice, and meters on other kinds", () => {
    expect(issuesOf(`${agents}    meters:\n      - {agent: tg2, meter: m}\n      - {agent: tg1, meter: m}\n      - {agent: tg1, meter: m}\n`)).toEqual([
      'testbeds.lab.meters[0].agent: meter m names agent "tg2", which is not in this testbed\'s agents (tg1)',
      "testbeds.lab.meters[2].meter: meter tg1/m is named twice",
    ]);
    expect(issuesOf("    kind: simulated\n    meters: [{agent: a, meter: m}]\n")).toEqual(["testbeds.lab.meters: a simulated testbed has no agents to read meters on; remove meters or use kind: agents"]);
    expect(issuesOf("    kind: agents\n    agents:\n      - {id: tg1, url: 'ws://x', tokenFile: a.token}\n    meters: [{agent: tg1, meter: 'bad name'}]\n").join("\n")).toMatch(/meters\[0\]\.meter/);
  });
});
