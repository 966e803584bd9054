/**
 * writeCampaignReport over a real store filled by real MLRsearch runs on simulated devices: the
 * page and one .svg file per chart, numbers that agree with the store, and clear errors for bad
 * paths and unknown campaigns.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summarize } from "../../controller/analysis/index.js";
import { defaultSvgDir, writeCampaignReport } from "../../controller/report/index.js";
import { formatPps } from "../../controller/report/format.js";
import { openStore, type Store } from "../../controller/store/index.js";
import { errorOf } from "../unit/controller/store/support/errors.js";
import { buildDemoStore, CAMPAIGN_NAME, type DemoStore } from "../unit/controller/report/support/campaign-store.js";

let demo: DemoStore;
let store: Store;

beforeAll(async () => {
  demo = await buildDemoStore();
  store = openStore(demo.file, { mode: "inspect" });
}, 120_000);

afterAll(() => {
  store.close();
  rmSync(demo.folder, { recursive: true, force: true });
});

/** Conditional throughputs of one goal over the succeeded runs of an experiment, read straight from the store. */
function storedThroughputs(experimentKey: string, goalName: string): number[] {
  const campaign = store.findCampaignByName(CAMPAIGN_NAME);
  if (campaign === undefined) throw new Error("campaign missing");
  return store
    .runsOf(campaign.id)
    .filter((run) => run.experimentKey === experimentKey && run.status === "succeeded")
    .flatMap((run) => store.resultsOf(run.id).flatMap((result) => (result.kind === "goal" && result.goalName === goalName && result.conditionalThroughputPps !== null ? [result.conditionalThroughputPps] : [])));
}

describe("writeCampaignReport", () => {
  it("writes the page and every chart as an .svg file in <name>-charts next to it", () => {
    const outFile = path.join(demo.folder, "out", "nightly.html");
    const written = writeCampaignReport(store, CAMPAIGN_NAME, { outFile });
    expect(written.htmlFile).toBe(outFile);
    const chartDir = path.join(demo.folder, "out", "nightly-charts");
    expect(defaultSvgDir(outFile)).toBe(chartDir);
    expect(readdirSync(chartDir).sort()).toEqual(written.svgFiles.map((file) => path.basename(file)).sort());
    expect(readdirSync(path.dirname(outFile)).sort()).toEqual(["nightly-charts", "nightly.html"]);
    const html = readFileSync(outFile, "utf8");
    for (const file of written.svgFiles) {
      const svg = readFileSync(file, "utf8");
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(html).toContain(svg.slice(svg.indexOf("<svg"), -1));
    }
    const kinds = written.svgFiles.map((file) => path.basename(file).replace(/^[a-z]+-\d+-(.*)\.svg$/, "$1"));
    expect(kinds.filter((kind) => kind === "trials")).toHaveLength(10);
    expect(kinds.filter((kind) => kind === "loss")).toHaveLength(10);
    expect(kinds.filter((kind) => kind === "soak")).toHaveLength(1);
    expect(kinds.filter((kind) => kind.endsWith("bounds"))).toHaveLength(5);
    expect(kinds.filter((kind) => kind.endsWith("conditional-throughput"))).toHaveLength(1);
  });

  it("reports the numbers the store holds, across replications", () => {
    const written = writeCampaignReport(store, CAMPAIGN_NAME, { outFile: path.join(demo.folder, "numbers.html") });
    const html = readFileSync(written.htmlFile, "utf8");
    for (const [experimentKey, goalName] of [["stretch[device.mrrPps=5000000]", "NDR"], ["stretch[device.mrrPps=10000000]", "PDR"], ["hard-10M", "NDR"]] as const) {
      const values = storedThroughputs(experimentKey, goalName);
      const summary = summarize(values);
      expect(values.length, experimentKey).toBeGreaterThanOrEqual(2);
      const exact = `<td class="num" title="[^"]*">`;
      const row = `${exact}${formatPps(summary.mean)}</td>${exact}${formatPps(summary.stdev)}</td>${exact}${formatPps(summary.interval?.low ?? null)} … ${formatPps(summary.interval?.high ?? null)}</td>`;
      expect(html, `${experimentKey} ${goalName}`).toMatch(new RegExp(row.replace(/[.]/g, "\\.")));
    }
    expect(html).toContain("<code>SEARCH_NO_LOWER_BOUND</code>");
    expect(html).toContain("Campaign report &lt;demo&gt; &amp; &quot;quotes&quot;");
    expect(html).toMatch(/data-count="succeeded">9<.*data-count="failed">1<.*data-count="interrupted">1<.*data-count="pending">1</s);
    const sweepTable = html.slice(html.indexOf("swept over device.mrrPps"));
    expect(sweepTable.indexOf(">5000000<")).toBeLessThan(sweepTable.indexOf(">10000000<"));
  });

  it("writes the charts where svgDir says, and the same bytes again for the same store", () => {
    const outFile = path.join(demo.folder, "again.html");
    const svgDir = path.join(demo.folder, "paper-figures");
    const first = writeCampaignReport(store, CAMPAIGN_NAME, { outFile, svgDir });
    const bytes = readFileSync(outFile);
    const second = writeCampaignReport(store, 1, { outFile, svgDir });
    expect(second).toEqual(first);
    expect(readFileSync(outFile).equals(bytes)).toBe(true);
    expect(first.svgFiles.every((file) => file.startsWith(`${svgDir}${path.sep}`) && existsSync(file))).toBe(true);
    expect(existsSync(defaultSvgDir(outFile))).toBe(false);
  });

  it("fails with REPORT_WRITE_FAILED naming the file when the folder cannot be made, leaving nothing behind", () => {
    const blocker = path.join(demo.folder, "blocker");
    writeFileSync(blocker, "a file where a folder should be");
    const error = errorOf(() => writeCampaignReport(store, CAMPAIGN_NAME, { outFile: path.join(blocker, "report.html") }));
    expect(error.code).toBe("REPORT_WRITE_FAILED");
    expect(error.context["file"]).toBe(path.join(blocker, "report-charts"));
    expect(error.message).toContain(path.join(blocker, "report-charts"));
    const pageOnly = path.join(demo.folder, "page-only");
    mkdirSync(path.join(pageOnly, "report.html"), { recursive: true });
    const pageError = errorOf(() => writeCampaignReport(store, CAMPAIGN_NAME, { outFile: path.join(pageOnly, "report.html"), svgDir: path.join(pageOnly, "svg") }));
    expect(pageError.code).toBe("REPORT_WRITE_FAILED");
    expect(pageError.context["file"]).toBe(path.join(pageOnly, "report.html"));
    expect(readdirSync(pageOnly).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses an empty path and an unknown campaign before writing anything", () => {
    const option = errorOf(() => writeCampaignReport(store, CAMPAIGN_NAME, { outFile: " " }));
    expect(option).toMatchObject({ code: "REPORT_OPTION_INVALID", userError: true });
    expect(option.message).toBe('report option outFile must be a file path, got " "');
    const outFile = path.join(demo.folder, "unknown.html");
    expect(errorOf(() => writeCampaignReport(store, "no such campaign", { outFile })).code).toBe("STORE_CAMPAIGN_UNKNOWN");
    expect(existsSync(outFile)).toBe(false);
  });
});
