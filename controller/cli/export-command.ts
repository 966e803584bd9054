/** `testbench export CAMPAIGN [--run R] --format json|csv`. */
import { Command, Option } from "commander";
import { EXPORT_FORMATS, exportCampaignChunks, type ExportFormat } from "../store/index.js";
import type { CliContext } from "./context.js";
import { openCliStore, storeOption } from "./store-option.js";

export function exportCommand(context: CliContext): Command {
  return new Command("export")
    .description("print a stored campaign as JSON or CSV (trials, results)")
    .argument("<campaign>", "campaign id or name (the newest of that name)")
    .addOption(storeOption())
    .addOption(new Option("--run <run>", "only this run: its id, or EXPERIMENT#REPLICATION"))
    .addOption(new Option("--format <format>", "json or csv").choices([...EXPORT_FORMATS]).default("json"))
    .action((campaign: string, values: { store?: string; run?: string; format: ExportFormat }) => {
      const store = openCliStore(values.store, "inspect", "testbench export");
      try {
        for (const chunk of exportCampaignChunks(store, campaign, { format: values.format, ...(values.run !== undefined && { run: values.run }) })) {
          process.stdout.write(chunk);
        }
      } finally {
        store.close();
      }
      void context;
    });
}
