/**
 * lbsim experiments through the orchestrator: runs on worker threads (the compiled worker in dist/:
 * build first), each algorithm stored as it finishes and as a result row at the end, a resumed run
 * re-running only the algorithms not yet stored, and the campaign report's lbsim section.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import { loadCampaignFile } from "../../controller/campaign/load.js";
import { LBSIM_EVENT_KIND, lbsimRunOfResult } from "../../controller/orchestrator/lbsim-records.js";
import { runCampaign, type RunCampaignOptions } from "../../controller/orchestrator/run-campaign.js";
import { writeCampaignReport } from "../../controller/report/index.js";
import { openStore, type Store } from "../../controller/store/index.js";

const ALGORITHMS = ["Random", "RoundRobin", "Hcl"];

function setUp(): { file: string; storeFile: string; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "tb-lbsim-"));
  const file = path.join(dir, "lbsim.yaml");
  writeFileSync(
    file,
    `name: lb
seed: 5
experiments:
  - name: low
    kind: lbsim
    replications: 2
    lbsim: {scenario: lowUtilization, algorithms: [${ALGORITHMS.join(", ")}], workers: 1}
`,
  );
  return { file, dir, storeFile: path.join(dir, "store.sqlite") };
}

const options = (store: Store, stop: AbortSignal): RunCampaignOptions => ({ store, logger: silentLogger, clock: systemClock, stop, interactive: false, writeProgress: () => undefined });

describe("lbsim experiments in campaigns", () => {
  it("run each replication on worker threads, store every algorithm, and report the scoring table and box plots", async () => {
    const { file, dir, storeFile } = setUp();
    const store = openStore(storeFile);
    try {
      const outcome = await runCampaign(loadCampaignFile(file), options(store, new AbortController().signal));
      expect(outcome).toMatchObject({ succeeded: 2, failed: 0, interrupted: 0 });
      expect(outcome.campaign.status).toBe("completed");
      const runs = store.runsOf(outcome.campaign.id);
      expect(runs.map((run) => [run.kind, run.status, run.testbed])).toEqual([["lbsim", "succeeded", "cpu"], ["lbsim", "succeeded", "cpu"]]);
      const seeds = new Set<number>();
      for (const run of runs) {
        const results = store.resultsOf(run.id);
        expect(results.map((result) => [result.kind, result.goalName])).toEqual(ALGORITHMS.map((name) => ["goal", name]));
        for (const result of results) {
          const stored = lbsimRunOfResult(result.extra);
          expect(stored).toMatchObject({ scenario: "lowUtilization", algorithm: result.goalName, replication: run.replication });
          expect(stored?.metrics.latencyMeanTicks).toBeGreaterThan(4);
          expect(stored?.metrics.requestCount).toBeGreaterThan(0);
          seeds.add(stored?.seed ?? -1);
        }
        expect(store.eventsOf(run.id).filter((event) => event.kind === LBSIM_EVENT_KIND)).toHaveLength(ALGORITHMS.length);
      }
      // One seed per replication, shared by its algorithms (common random numbers).
      expect(seeds.size).toBe(2);
      const written = writeCampaignReport(store, outcome.campaign.id, { outFile: path.join(dir, "report.html") });
      const html = readFileSync(written.htmlFile, "utf8");
      expect(html).toContain('<section id="lbsim"><h2>Load-balancing simulator</h2>');
      expect(html).toContain('<table class="lbsim-scores">');
      for (const name of ALGORITHMS) expect(html).toContain(`<td>${name}</td>`);
      expect(html.match(/<svg/g)?.length).toBe(5);
      expect(written.svgFiles.map((svg) => path.basename(svg))).toEqual([
        "lbsim-low-0-latencyMeanTicks.svg",
        "lbsim-low-0-latencyStdevTicks.svg",
        "lbsim-low-0-latencyP99Ticks.svg",
        "lbsim-low-0-utilizationPerServerStdevMeanPct.svg",
        "lbsim-low-0-utilizationStdevPct.svg",
      ]);
    } finally {
      store.close();
    }
  }, 120_000);

  it("resume an interrupted run with only the algorithms not yet stored", async () => {
    const { file, storeFile } = setUp();
    const definition = loadCampaignFile(file);
    const store = openStore(storeFile);
    try {
      // Ctrl-C as soon as the first algorithm is stored (one worker: the others are still to come).
      const stop = new AbortController();
      const poll = setInterval(() => {
        const [first] = store.campaigns();
        if (first !== undefined && store.runsOf(first.id).some((run) => store.eventsOf(run.id).length > 0)) stop.abort();
      }, 1);
      let first;
      try {
        first = await runCampaign(definition, options(store, stop.signal));
      } finally {
        clearInterval(poll);
      }
      expect(first.campaign.status).toBe("interrupted");
      const [run] = store.runsOf(first.campaign.id);
      expect(run?.status).toBe("interrupted");
      const storedBefore = store.eventsOf(run?.id ?? 0).map((event) => lbsimRunOfResult({ lbsim: event.payload })?.algorithm);
      expect(storedBefore.length).toBeGreaterThanOrEqual(1);
      expect(storedBefore.length).toBeLessThan(ALGORITHMS.length);

      const second = await runCampaign(definition, options(store, new AbortController().signal));
      expect(second).toMatchObject({ resumed: true, succeeded: 2 });
      const events = store.eventsOf(run?.id ?? 0).map((event) => lbsimRunOfResult({ lbsim: event.payload })?.algorithm);
      // Each algorithm ran exactly once over both attempts.
      expect([...events].sort()).toEqual([...ALGORITHMS].sort());
      expect(events.slice(0, storedBefore.length)).toEqual(storedBefore);
      expect(store.resultsOf(run?.id ?? 0).map((result) => result.goalName)).toEqual(ALGORITHMS);
    } finally {
      store.close();
    }
  }, 120_000);
});
