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
import { loadCampaignFile } from "../campaign/load.js";
import type { CliContext } from "./context.js";
import { runCampaignWithReport } from "./campaign-session.js";
import { storeOption } from "./store-option.js";

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
      const outcome = await runCampaignWithReport(definition, context, { storeFile: values.store, owner: `testbench start ${definition.file}` });
      context.stdout(`export: npx testbench export ${outcome.campaign.id} --format csv${values.store ? ` --store ${values.store}` : ""}`);
    });
}
