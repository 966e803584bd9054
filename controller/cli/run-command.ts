/** `testbench run FILE`: run (or resume) a campaign and store everything. */
import path from "node:path";
import { Command } from "commander";
import { loadCampaignFile } from "../campaign/load.js";
import type { CliContext } from "./context.js";
import { runCampaignWithReport } from "./campaign-session.js";
import { storeOption } from "./store-option.js";

export function runCommand(context: CliContext): Command {
  return new Command("run")
    .description("run a campaign file (experiments x replications); an interrupted campaign of the same file resumes")
    .argument("<file>", "campaign file (YAML), e.g. examples/default.yaml")
    .addOption(storeOption())
    .option("--fresh", "start a new campaign even if an unfinished one of this file exists")
    .option("--retry-failed", "when resuming, run failed runs again")
    .action(async (file: string, values: { store?: string; fresh?: boolean; retryFailed?: boolean }) => {
      const definition = loadCampaignFile(file);
      const outcome = await runCampaignWithReport(definition, context, {
        storeFile: values.store,
        owner: `testbench run ${path.resolve(file)}`,
        fresh: values.fresh === true,
        retryFailed: values.retryFailed === true,
      });
      if (outcome.campaign.status === "interrupted") context.stdout(`resume with: testbench run ${file}${values.store ? ` --store ${values.store}` : ""}`);
    });
}
