/** `testbench report CAMPAIGN`: one self-contained HTML file with charts, plus an SVG per chart. */
import path from "node:path";
import { Command } from "commander";
import { systemClock } from "../../common/system-clock.js";
import { writeCampaignReport } from "../report/index.js";
import type { CliContext } from "./context.js";
import { openCliStore, storeOption } from "./store-option.js";

export function reportCommand(context: CliContext): Command {
  return new Command("report")
    .description("write a campaign's report: one HTML file (no network needed to view it) and an SVG per chart")
    .argument("<campaign>", "campaign id or name (the newest of that name)")
    .addOption(storeOption())
    .option("--out <file>", "the HTML file (default: report-<campaign>.html next to the store)")
    .option("--svg-dir <dir>", "where the SVG charts go (default: <out name>-charts/ next to it)")
    .action((campaign: string, values: { store?: string; out?: string; svgDir?: string }) => {
      const store = openCliStore(values.store, "inspect", "testbench report");
      try {
        const outFile = path.resolve(values.out ?? path.join(path.dirname(store.file), `report-${campaign.replace(/[^A-Za-z0-9_.-]/g, "_")}.html`));
        const written = writeCampaignReport(store, campaign, { outFile, ...(values.svgDir !== undefined && { svgDir: path.resolve(values.svgDir) }), clock: systemClock });
        context.stdout(`report: ${written.htmlFile}`);
        context.stdout(`charts: ${written.svgFiles.length} SVG files in ${path.dirname(written.svgFiles[0] ?? written.htmlFile)}`);
      } finally {
        store.close();
      }
    });
}
