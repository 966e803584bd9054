/** `testbench run FILE`: run (or resume) a campaign and store everything. */
import path from "node:path";
import { Command } from "commander";
import { systemClock } from "../../common/system-clock.js";
import { loadCampaignFile } from "../campaign/load.js";
import { runCampaign } from "../orchestrator/run-campaign.js";
import { writeCampaignReport } from "../report/index.js";
import type { CliContext } from "./context.js";
import { exitCodes } from "./context.js";
import { openCliStore, storeOption } from "./store-option.js";

export function runCommand(context: CliContext): Command {
  return new Command("run")
    .description("run a campaign file (experiments x replications); an interrupted campaign of the same file resumes")
    .argument("<file>", "campaign file (YAML), e.g. examples/default.yaml")
    .addOption(storeOption())
    .option("--fresh", "start a new campaign even if an unfinished one of this file exists")
    .option("--retry-failed", "when resuming, run failed runs again")
    .action(async (file: string, values: { store?: string; fresh?: boolean; retryFailed?: boolean }) => {
      const definition = loadCampaignFile(file);
      const store = openCliStore(values.store, "run", `testbench run ${path.resolve(file)}`);
      try {
        const outcome = await runCampaign(definition, {
          store,
          logger: context.logger,
          clock: systemClock,
          stop: context.signal,
          interactive: context.interactive,
          writeProgress: (text) => process.stderr.write(text),
          fresh: values.fresh === true,
          retryFailed: values.retryFailed === true,
        });
        const { campaign } = outcome;
        context.stdout(
          `campaign ${campaign.name} (id ${campaign.id}) ${campaign.status}${outcome.resumed ? " (resumed)" : ""}: ` +
            `${outcome.succeeded} succeeded, ${outcome.failed} failed, ${outcome.interrupted} not finished, ${outcome.skipped} already done`,
        );
        for (const failure of outcome.failures) context.stdout(`  failed ${failure.run}: [${failure.code ?? "?"}] ${failure.message ?? ""}`);
        context.stdout(`store: ${store.file}`);
        const report = writeCampaignReport(store, campaign.id, { outFile: path.join(path.dirname(store.file), `report-${campaign.name}-${campaign.id}.html`), clock: systemClock });
        context.stdout(`report: ${report.htmlFile}`);
        if (campaign.status === "interrupted") {
          context.stdout(`resume with: testbench run ${file}${values.store ? ` --store ${values.store}` : ""}`);
          process.exitCode = exitCodes.interrupted;
        } else if (outcome.failures.length > 0) {
          process.exitCode = exitCodes.failed;
        }
      } finally {
        store.close();
      }
    });
}
