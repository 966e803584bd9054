/**
 * The CSV export: one table of trials, one record per trial, runs in the order they were added
 * and trials in measurement order, with a header record. Counts are exact integers; numbers are
 * JavaScript's shortest round-trip form; empty fields are nulls.
 */
import { lossRatio } from "../search/measurer.js";
import { csvRecord, type CsvCell } from "./csv.js";
import type { CampaignRecord, RunRecord, StoredTrial } from "./records.js";
import type { Store } from "./store.js";

export const CSV_COLUMNS = [
  "campaign_id",
  "campaign",
  "experiment",
  "replication",
  "run_id",
  "run_status",
  "kind",
  "testbed",
  "seed",
  "trial_index",
  "warmup",
  "duration_s",
  "load_pps",
  "intended_count",
  "offered_count",
  "forwarded_count",
  "lost_count",
  "loss_ratio",
  "offered_duration_s",
  "duration_with_overheads_s",
  "started_at_ms",
  "ended_at_ms",
] as const;

function trialCells(campaign: CampaignRecord, run: RunRecord, trial: StoredTrial): CsvCell[] {
  const { result } = trial;
  return [
    campaign.id,
    campaign.name,
    run.experimentKey,
    run.replication,
    run.id,
    run.status,
    run.kind,
    run.testbed,
    run.seed,
    trial.index,
    trial.warmup,
    result.durationS,
    result.loadPps,
    result.intendedCount,
    result.offeredCount,
    result.forwardedCount,
    result.lostCount,
    lossRatio(result),
    result.offeredDurationS,
    result.durationWithOverheadsS,
    trial.startedAtMs,
    trial.endedAtMs,
  ];
}

/** The header, then one chunk of records per run (read one run at a time). */
export function* csvChunks(store: Store, campaign: CampaignRecord, runs: readonly RunRecord[]): Generator<string> {
  yield csvRecord(CSV_COLUMNS);
  for (const run of runs) {
    const records = store.trialsOf(run.id).map((trial) => csvRecord(trialCells(campaign, run, trial)));
    if (records.length > 0) yield records.join("");
  }
}
