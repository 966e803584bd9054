/**
 * `testbench start` (what `npm start` runs): the default campaign on the embedded default
 * testbed. examples/default.yaml runs csit-ndrpdr MLRsearch (and an RFC 2544 baseline) on two
 * simulated devices, each behind a TRex emulator driven by a local agent over the real path
 * (controller -> WebSocket -> agent -> TRex RPC -> emulator), 2 replications; then the store
 * and the HTML report are written and their paths printed.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { systemClock } from "../../common/system-clock.js";
import { loadCampaignFile } from "../campaign/load.js";
import { runCampaign } from "../orchestrator/run-campaign.js";
import { writeCampaignReport } from "../report/index.js";
import type { CliContext } from "./context.js";
import { exitCodes } from "./context.js";
import { openCliStore, storeOption } from "./store-option.js";

/** examples/default.yaml of this installation (from dist/ or from the sources). */
export const defaultCampaignFile = fileURLToPath(new URL(import.meta.url.endsWith(".ts") ? "../../examples/default.yaml" : "../../../examples/default.yaml", import.meta.url));

export function startCommand(context: CliContext): Command {
  return new Command("start")
    .description("the default job: the example campaign through local agents and TRex emulators, stored, with its report")
    .option("--campaign <file>", "campaign file", defaultCampaignFile)
    .addOption(storeOption())
    .action(async (values: { campaign: string; store?: string }) => {
      const definition = loadCampaignFile(values.campaign);
      context.stdout(`Testbench: campaign ${definition.name} from ${path.relative(process.cwd(), definition.file) || definition.file}`);
      for (const experiment of definition.experiments) {
        const what = experiment.kind === "throughput" ? `throughput ${experiment.algorithm}` : experiment.kind;
        const where = experiment.device ? `device ${experiment.device.kind}` : "its agents";
        context.stdout(`  ${experiment.key}: ${what} on ${experiment.testbed} (${where}), ${experiment.replications} replication(s)`);
      }
      const store = openCliStore(values.store, "run", `testbench start ${definition.file}`);
      try {
        const outcome = await runCampaign(definition, {
          store,
          logger: context.logger,
          clock: systemClock,
          stop: context.signal,
          interactive: context.interactive,
          writeProgress: (text) => process.stderr.write(text),
        });
        const { campaign } = outcome;
        context.stdout(`\ncampaign ${campaign.name} (id ${campaign.id}) ${campaign.status}: ${outcome.succeeded} succeeded, ${outcome.failed} failed, ${outcome.interrupted} not finished`);
        for (const failure of outcome.failures) context.stdout(`  failed ${failure.run}: [${failure.code ?? "?"}] ${failure.message ?? ""}`);
        const outFile = path.join(path.dirname(store.file), `report-${campaign.name}-${campaign.id}.html`);
        const report = writeCampaignReport(store, campaign.id, { outFile, clock: systemClock });
        context.stdout(`store:  ${store.file}`);
        context.stdout(`report: ${report.htmlFile} (${report.svgFiles.length} SVG charts in ${path.dirname(report.svgFiles[0] ?? report.htmlFile)})`);
        context.stdout(`export: npx testbench export ${campaign.id} --format csv${values.store ? ` --store ${values.store}` : ""}`);
        if (campaign.status === "interrupted") process.exitCode = exitCodes.interrupted;
        else if (outcome.failures.length > 0) process.exitCode = exitCodes.failed;
      } finally {
        store.close();
      }
    });
}
