/**
 * Campaigns and runs as users name them (`testbench export CAMPAIGN [--run R]`): a campaign by id
 * or by name (the newest of that name), a run by id or as `EXPERIMENT#REPLICATION`. Unknown names
 * give an error that lists what the store holds.
 */
import { unknownCampaignError } from "./campaign-table.js";
import type { CampaignRecord, RunRecord } from "./records.js";
import type { Store } from "./store.js";
import { storeUserError } from "./store-errors.js";

export type CampaignRef = number | string;
export type RunRef = number | string;

const WHOLE_NUMBER = /^\d+$/;
const RUNS_LISTED = 20;

export function resolveCampaign(store: Store, ref: CampaignRef): CampaignRecord {
  const byId = typeof ref === "number" || WHOLE_NUMBER.test(ref) ? store.campaign(Number(ref)) : undefined;
  const found = byId ?? (typeof ref === "string" ? store.findCampaignByName(ref) : undefined);
  if (found === undefined) throw unknownCampaignError(store.file, ref, store.campaigns());
  return found;
}

function matches(run: RunRecord, ref: RunRef): boolean {
  if (typeof ref === "number" || WHOLE_NUMBER.test(ref)) return run.id === Number(ref);
  const hash = ref.lastIndexOf("#");
  if (hash < 0) return false;
  return run.experimentKey === ref.slice(0, hash) && String(run.replication) === ref.slice(hash + 1);
}

export function resolveRun(store: Store, campaign: CampaignRecord, ref: RunRef): RunRecord {
  const runs = store.runsOf(campaign.id);
  const found = runs.find((run) => matches(run, ref));
  if (found !== undefined) return found;
  const shown = runs.slice(0, RUNS_LISTED).map((run) => `${run.id} ${run.experimentKey}#${run.replication} (${run.status})`);
  const listing = runs.length === 0 ? "it has no runs" : `its runs are ${shown.join(", ")}${runs.length > RUNS_LISTED ? ` and ${runs.length - RUNS_LISTED} more` : ""}`;
  throw storeUserError("STORE_RUN_UNKNOWN", `run ${typeof ref === "number" ? ref : JSON.stringify(ref)} is not in campaign ${campaign.id} ${JSON.stringify(campaign.name)} of ${store.file} (name a run by id or as EXPERIMENT#REPLICATION); ${listing}`, {
    file: store.file,
    context: { campaignId: campaign.id, run: String(ref), runs: runs.length },
  });
}
