/** The `campaigns` table: one row per campaign file run, with its status. */
import { CAMPAIGN_STATUSES, type CampaignRecord, type CampaignStatus, type NewCampaign } from "./records.js";
import type { StoreContext } from "./statements.js";
import { storeUserError } from "./store-errors.js";
import { enumColumn, integerColumn, realColumn, realParam, textColumn } from "./values.js";

const COLUMNS = "id, name, source_path, file_hash, status, created_at_ms, updated_at_ms";

function campaignFromRow(row: Record<string, unknown>, file: string): CampaignRecord {
  return Object.freeze({
    id: integerColumn(row["id"], "campaigns.id", file),
    name: textColumn(row["name"], "campaigns.name", file),
    sourcePath: textColumn(row["source_path"], "campaigns.source_path", file),
    fileHash: textColumn(row["file_hash"], "campaigns.file_hash", file),
    status: enumColumn(row["status"], CAMPAIGN_STATUSES, "campaigns.status", file),
    createdAtMs: realColumn(row["created_at_ms"], "campaigns.created_at_ms", file),
    updatedAtMs: realColumn(row["updated_at_ms"], "campaigns.updated_at_ms", file),
  });
}

/** A new campaign, status running. */
export function insertCampaign(ctx: StoreContext, input: NewCampaign, nowMs: number): CampaignRecord {
  const at = realParam(nowMs, "campaign created_at_ms", ctx.file);
  const row = ctx
    .statement(`INSERT INTO campaigns (name, source_path, file_hash, status, created_at_ms, updated_at_ms) VALUES (?, ?, ?, 'running', ?, ?) RETURNING ${COLUMNS}`)
    .get(input.name, input.sourcePath, input.fileHash, at, at) as Record<string, unknown>;
  return campaignFromRow(row, ctx.file);
}

export function campaignById(ctx: StoreContext, id: number): CampaignRecord | undefined {
  const row = ctx.statement(`SELECT ${COLUMNS} FROM campaigns WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return row === undefined ? undefined : campaignFromRow(row, ctx.file);
}

/** Every campaign, oldest first. */
export function allCampaigns(ctx: StoreContext): CampaignRecord[] {
  const rows = ctx.statement(`SELECT ${COLUMNS} FROM campaigns ORDER BY id`).all() as Array<Record<string, unknown>>;
  return rows.map((row) => campaignFromRow(row, ctx.file));
}

/** The newest campaign with this name. */
export function newestCampaignByName(ctx: StoreContext, name: string): CampaignRecord | undefined {
  const row = ctx.statement(`SELECT ${COLUMNS} FROM campaigns WHERE name = ? ORDER BY id DESC LIMIT 1`).get(name) as Record<string, unknown> | undefined;
  return row === undefined ? undefined : campaignFromRow(row, ctx.file);
}

/** The newest campaign run from this file path. */
export function newestCampaignBySource(ctx: StoreContext, sourcePath: string): CampaignRecord | undefined {
  const row = ctx.statement(`SELECT ${COLUMNS} FROM campaigns WHERE source_path = ? ORDER BY id DESC LIMIT 1`).get(sourcePath) as Record<string, unknown> | undefined;
  return row === undefined ? undefined : campaignFromRow(row, ctx.file);
}

/** STORE_CAMPAIGN_UNKNOWN, listing the newest campaigns the store holds. */
export function unknownCampaignError(file: string, ref: number | string, known: readonly CampaignRecord[]): Error {
  const shown = known.slice(-20).map((c) => `${c.id} ${JSON.stringify(c.name)} (${c.status})`);
  const listing = known.length === 0 ? "it holds no campaigns yet" : `it holds ${shown.join(", ")}${known.length > 20 ? ` and ${known.length - 20} older` : ""}`;
  return storeUserError("STORE_CAMPAIGN_UNKNOWN", `campaign ${typeof ref === "number" ? ref : JSON.stringify(ref)} is not in the store ${file}; ${listing}`, {
    file,
    context: { campaign: String(ref), campaigns: known.length },
  });
}

export function requireCampaign(ctx: StoreContext, id: number): CampaignRecord {
  const campaign = campaignById(ctx, id);
  if (campaign === undefined) throw unknownCampaignError(ctx.file, id, allCampaigns(ctx));
  return campaign;
}

export function setCampaignStatus(ctx: StoreContext, id: number, status: CampaignStatus, nowMs: number): CampaignRecord {
  const row = ctx.statement(`UPDATE campaigns SET status = ?, updated_at_ms = ? WHERE id = ? RETURNING ${COLUMNS}`).get(status, realParam(nowMs, "campaign updated_at_ms", ctx.file), id) as
    | Record<string, unknown>
    | undefined;
  if (row === undefined) throw unknownCampaignError(ctx.file, id, allCampaigns(ctx));
  return campaignFromRow(row, ctx.file);
}

/** Campaigns a dead controller left running: now interrupted. Returns their ids. */
export function interruptRunningCampaigns(ctx: StoreContext, nowMs: number): number[] {
  const rows = ctx.statement("UPDATE campaigns SET status = 'interrupted', updated_at_ms = ? WHERE status = 'running' RETURNING id").all(nowMs) as Array<Record<string, unknown>>;
  return rows.map((row) => integerColumn(row["id"], "campaigns.id", ctx.file)).sort((a, b) => a - b);
}
