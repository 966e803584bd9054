/**
 * `testbench export CAMPAIGN [--run R] --format json|csv`, the store side: the campaign (by id or
 * name) and optionally one run, as a string or as chunks to stream (Readable.from(chunks)).
 * Unknown campaigns and runs fail before the first chunk, listing what the store holds.
 */
import { csvChunks } from "./export-csv.js";
import { jsonChunks } from "./export-json.js";
import { resolveCampaign, resolveRun, type CampaignRef, type RunRef } from "./resolve.js";
import type { Store } from "./store.js";
import { storeUserError } from "./store-errors.js";

export const EXPORT_FORMATS = ["json", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  readonly format: ExportFormat;
  /** One run only: its id, or EXPERIMENT#REPLICATION. */
  readonly run?: RunRef;
  /** JSON only: include each run's events / samples. */
  readonly events?: boolean;
  readonly samples?: boolean;
}

/** The export in chunks (a run at a time); resolving and checking happen now, reading as it is iterated. */
export function exportCampaignChunks(store: Store, campaignRef: CampaignRef, options: ExportOptions): Iterable<string> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw storeUserError("STORE_EXPORT_FORMAT_INVALID", `--format got ${JSON.stringify(options.format)}; known formats: ${EXPORT_FORMATS.join(", ")}`, {
      file: store.file,
      context: { option: "format", value: String(options.format) },
    });
  }
  if (options.format === "csv" && (options.events === true || options.samples === true)) {
    throw storeUserError("STORE_EXPORT_FORMAT_INVALID", "events and samples are exported only as JSON (--format json); the CSV export is one table of trials", {
      file: store.file,
      context: { option: "format", value: options.format },
    });
  }
  const campaign = resolveCampaign(store, campaignRef);
  const runs = options.run === undefined ? store.runsOf(campaign.id) : [resolveRun(store, campaign, options.run)];
  if (options.format === "csv") return csvChunks(store, campaign, runs);
  return jsonChunks(store, campaign, runs, { events: options.events ?? false, samples: options.samples ?? false });
}

/** The whole export as one string. */
export function exportCampaign(store: Store, campaignRef: CampaignRef, options: ExportOptions): string {
  return [...exportCampaignChunks(store, campaignRef, options)].join("");
}
