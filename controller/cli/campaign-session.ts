/** What `testbench run` and `testbench start` share: open the store, run the campaign, write its report, say where. */
import path from "node:path";
import { systemClock } from "../../common/system-clock.js";
import type { CampaignDefinition } from "../campaign/model.js";
import { runCampaign, type CampaignOutcome } from "../orchestrator/run-campaign.js";
import { writeCampaignReport } from "../report/index.js";
import type { CliContext } from "./context.js";
import { exitCodes } from "./context.js";
import { openCliStore } from "./store-option.js";

export interface CampaignSessionOptions {
  readonly storeFile: string | undefined;
  readonly owner: string;
  readonly fresh?: boolean;
  readonly retryFailed?: boolean;
}

export async function runCampaignWithReport(definition: CampaignDefinition, context: CliContext, options: CampaignSessionOptions): Promise<CampaignOutcome> {
  const store = openCliStore(options.storeFile, "run", options.owner);
  try {
    const outcome = await runCampaign(definition, {
      store,
      logger: context.logger,
      clock: systemClock,
      stop: context.signal,
      interactive: context.interactive,
      writeProgress: (text) => process.stderr.write(text),
      fresh: options.fresh === true,
      retryFailed: options.retryFailed === true,
    });
    const { campaign } = outcome;
    context.stdout(
      `\ncampaign ${campaign.name} (id ${campaign.id}) ${campaign.status}${outcome.resumed ? " (resumed)" : ""}: ` +
        `${outcome.succeeded} succeeded, ${outcome.failed} failed, ${outcome.interrupted} not finished, ${outcome.skipped} already done`,
    );
    for (const failure of outcome.failures) context.stdout(`  failed ${failure.run}: [${failure.code ?? "?"}] ${failure.message ?? ""}`);
    const report = writeCampaignReport(store, campaign.id, { outFile: path.join(path.dirname(store.file), `report-${campaign.name}-${campaign.id}.html`), clock: systemClock });
    context.stdout(`store:  ${store.file}`);
    context.stdout(`report: ${report.htmlFile} (${report.svgFiles.length} SVG charts in ${path.dirname(report.svgFiles[0] ?? report.htmlFile)})`);
    if (campaign.status === "interrupted") process.exitCode = exitCodes.interrupted;
    else if (outcome.failures.length > 0) process.exitCode = exitCodes.failed;
    return outcome;
  } finally {
    store.close();
  }
}
