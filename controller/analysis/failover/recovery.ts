/**
 * Recovery time: from the trigger to the first epoch back under the loss threshold. Searching from
 * the epoch that holds the trigger, the disruption is the first epoch whose loss is at or above
 * the threshold, or an outage (sessions reporting, nothing arriving). An epoch without a figure
 * for another reason (not covered by every session) is neither disrupted nor clean. Recovery is the start of the first epoch after it that begins `holdEpochs` clean
 * epochs in a row. No disruption: recovery 0. No recovery before the data ends: null.
 */
import type { EpochRow } from "./epoch-loss.js";

export interface LossPeak {
  readonly index: number;
  readonly startNs: number;
  readonly endNs: number;
  readonly lossPercent: number;
  /** UDP only (TCP loss is inferred from throughput). */
  readonly lostPackets: number | null;
}

export interface Recovery {
  readonly thresholdPercent: number;
  readonly triggerAtNs: number;
  readonly disrupted: boolean;
  /** Start of the first disrupted epoch; null when there was none. */
  readonly disruptedFromNs: number | null;
  /** Start of the recovered epoch (never before the trigger); null when not recovered. */
  readonly recoveredAtNs: number | null;
  readonly recoveryS: number | null;
  /** The worst epoch from the trigger's epoch to the recovery (or the end). */
  readonly peak: LossPeak | null;
}

function isClean(row: EpochRow, thresholdPercent: number): boolean {
  return row.lossPercent !== null && row.lossPercent < thresholdPercent;
}

function isDisrupted(row: EpochRow, thresholdPercent: number): boolean {
  return row.lossPercent === null ? row.lossGap === "outage" : row.lossPercent >= thresholdPercent;
}

function peakOf(rows: readonly EpochRow[]): LossPeak | null {
  let peak: LossPeak | null = null;
  for (const row of rows) {
    if (row.lossPercent === null || (peak !== null && row.lossPercent <= peak.lossPercent)) continue;
    peak = { index: row.index, startNs: row.startNs, endNs: row.endNs, lossPercent: row.lossPercent, lostPackets: row.lostPackets };
  }
  return peak;
}

export function recoveryOf(rows: readonly EpochRow[], triggerAtNs: number, thresholdPercent: number, holdEpochs: number): Recovery {
  const fromTrigger = rows.filter((row) => row.endNs > triggerAtNs);
  const base = { thresholdPercent, triggerAtNs };
  const disruptedAt = fromTrigger.findIndex((row) => isDisrupted(row, thresholdPercent));
  if (disruptedAt < 0) return { ...base, disrupted: false, disruptedFromNs: null, recoveredAtNs: triggerAtNs, recoveryS: 0, peak: peakOf(fromTrigger) };
  const disruptedFromNs = (fromTrigger[disruptedAt] as EpochRow).startNs;
  for (let at = disruptedAt + 1; at + holdEpochs <= fromTrigger.length; at += 1) {
    const run = fromTrigger.slice(at, at + holdEpochs);
    if (!run.every((row) => isClean(row, thresholdPercent))) continue;
    const recoveredAtNs = Math.max(triggerAtNs, (fromTrigger[at] as EpochRow).startNs);
    return { ...base, disrupted: true, disruptedFromNs, recoveredAtNs, recoveryS: (recoveredAtNs - triggerAtNs) / 1e9, peak: peakOf(fromTrigger.slice(0, at)) };
  }
  return { ...base, disrupted: true, disruptedFromNs, recoveredAtNs: null, recoveryS: null, peak: peakOf(fromTrigger) };
}
