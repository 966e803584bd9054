/**
 * Power per trial end to end, in process: a throughput campaign on the embedded testbed (TRex
 * emulator + an agent process whose simulated meter `sim` reads 45 W ± 0.5 W) stores each trial's
 * mean power per device, and the report plots it against load with W per Mpps at the throughput.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import { loadCampaignFile } from "../../controller/campaign/load.js";
import { runCampaign } from "../../controller/orchestrator/run-campaign.js";
import { writeCampaignReport } from "../../controller/report/index.js";
import { openStore } from "../../controller/store/index.js";

const campaignYaml = `name: power-test
testbeds:
  local: {kind: embedded}
defaults:
  replications: 1
  options: {initialDuration: 0.1, finalDuration: 0.1, durationSum: 0.3}
experiments:
  - {name: hard, kind: throughput, device: "hard:mrr=5e6"}
`;

describe("trial power on the embedded testbed", () => {
  it("stores each trial's mean power of embedded/sim and shows power against load in the report", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tb-power-"));
    const file = path.join(dir, "campaign.yaml");
    writeFileSync(file, campaignYaml);
    const definition = loadCampaignFile(file);
    expect(definition.testbeds.get("local")?.meters).toEqual([{ agent: "embedded", meter: "sim" }]);
    const store = openStore(path.join(dir, "store.sqlite"));
    try {
      const outcome = await runCampaign(definition, { store, logger: silentLogger, clock: systemClock, stop: new AbortController().signal, interactive: false, writeProgress: () => undefined });
      expect(outcome.succeeded).toBe(1);
      const run = store.runsOf(outcome.campaign.id)[0]!;
      const trials = store.trialsOf(run.id);
      expect(trials.length).toBeGreaterThan(2);
      for (const trial of trials) {
        const power = trial.power as Record<string, { meanPowerW: number; samples: number }>;
        expect(Object.keys(power)).toEqual(["embedded/sim"]);
        // 10 ms polling over a >= 0.1 s trial; the mean of 45 W ± 0.5 W noise
        expect(power["embedded/sim"]!.samples).toBeGreaterThanOrEqual(5);
        expect(power["embedded/sim"]!.meanPowerW).toBeGreaterThan(44);
        expect(power["embedded/sim"]!.meanPowerW).toBeLessThan(46);
      }
      const written = writeCampaignReport(store, outcome.campaign.id, { outFile: path.join(dir, "report.html") });
      const html = readFileSync(written.htmlFile, "utf8");
      expect(html).toContain("embedded/sim power against load");
      expect(html).toContain("offered load per direction (Mpps");
      expect(html).toContain("W per Mpps");
      expect(written.svgFiles.some((svg) => /run-\d+-power-1-embedded-sim\.svg$/.test(svg))).toBe(true);
    } finally {
      store.close();
    }
  }, 120_000);
});
