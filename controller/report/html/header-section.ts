/** The campaign header: name, files, status, times, run counts, and every failed run with its error. */
import { formatDurationS, formatTimeMs } from "../format.js";
import type { CampaignReportData, ReportRun } from "../model.js";
import { RUN_STATUSES, type RunStatus } from "../../store/index.js";
import { facts, h, statusBadge, table } from "./html.js";

export function runCounts(runs: readonly ReportRun[]): Readonly<Record<RunStatus, number>> {
  const counts = Object.fromEntries(RUN_STATUSES.map((status) => [status, 0])) as Record<RunStatus, number>;
  for (const run of runs) counts[run.status] += 1;
  return counts;
}

function countsLine(runs: readonly ReportRun[]): string {
  const counts = runCounts(runs);
  const shown: RunStatus[] = ["succeeded", "failed", "interrupted", ...(["running", "pending"] as const).filter((status) => counts[status] > 0)];
  return `<span class="counts">${shown.map((status) => `<span>${statusBadge(status)} <strong data-count="${status}">${counts[status]}</strong></span>`).join("")}<span class="muted">of ${runs.length} runs</span></span>`;
}

function failuresTable(runs: readonly ReportRun[]): string {
  const failed = runs.filter((run) => run.status === "failed");
  if (failed.length === 0) return "";
  const rows = failed.map((run) => [
    { text: `${run.experimentKey} #${run.replication}`, html: `<a href="#run-${run.id}">${h(`${run.experimentKey} #${run.replication}`)}</a>` },
    { text: String(run.id), numeric: true },
    { text: run.errorCode ?? "-", html: `<code>${h(run.errorCode ?? "-")}</code>` },
    run.errorMessage ?? "(no message stored)",
  ]);
  return `<h2 id="failures">Failed runs</h2>${table(["run", "id", "error code", "message"], rows, { className: "failures" })}`;
}

export function headerSection(data: CampaignReportData): string {
  const { campaign, runs } = data;
  const ended = campaign.status === "running" ? null : campaign.updatedAtMs;
  const took = ended === null ? "" : ` <span class="muted">(${h(formatDurationS((ended - campaign.createdAtMs) / 1000))})</span>`;
  const entries: Array<readonly [string, string]> = [
    ["status", statusBadge(campaign.status)],
    ["campaign file", `<code>${h(campaign.sourcePath)}</code>`],
    ["store", `<code>${h(campaign.storeFile)}</code> (campaign id ${campaign.id})`],
    ["started", h(formatTimeMs(campaign.createdAtMs))],
    ["ended", ended === null ? "still running" : `${h(formatTimeMs(ended))}${took}`],
    ["runs", countsLine(runs)],
  ];
  return `<header><h1>Campaign ${h(campaign.name)}</h1>${facts(entries)}</header>${failuresTable(runs)}`;
}
