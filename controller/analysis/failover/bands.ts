/**
 * Bands across replications (the notebook's plot_fill_experiment): for each epoch, the min,
 * median, mean and max of a metric over the replications that have a value there. Replications
 * line up by epoch index, so they must share the epoch length and anchor; anchored at the trigger
 * (the default) epoch 0 starts at each run's own trigger, which removes dispatch jitter.
 */
import type { RunAnalysis } from "./analyze-run.js";
import { FAILOVER_REPLICATIONS_MISMATCH } from "./errors.js";
import type { EpochAnchor } from "./options.js";
import { spreadOf, type Spread } from "./spread.js";
import { ValidationError } from "../../../common/errors.js";

export type EpochMetric = "lossPercent" | "throughputBps" | "rttMs" | "retransmits";

export interface BandPoint {
  readonly index: number;
  /** Epoch start relative to the anchor (the trigger by default), seconds. */
  readonly offsetS: number;
  readonly spread: Spread;
}

export interface Bands {
  readonly anchor: EpochAnchor;
  readonly epochS: number;
  readonly replications: number;
  readonly points: readonly BandPoint[];
}

function sharedGrid(replications: readonly RunAnalysis[], epochNs: (analysis: RunAnalysis) => number): { anchor: EpochAnchor; epochNs: number } {
  const first = replications[0];
  if (first === undefined) throw new ValidationError(FAILOVER_REPLICATIONS_MISMATCH, "bands need at least one replication");
  for (const analysis of replications) {
    if (epochNs(analysis) !== epochNs(first) || analysis.options.epochAnchor !== first.options.epochAnchor) {
      throw new ValidationError(FAILOVER_REPLICATIONS_MISMATCH, `replications must share the epoch length and anchor to form bands; got ${epochNs(first) / 1e9} s anchored at the ${first.options.epochAnchor} and ${epochNs(analysis) / 1e9} s anchored at the ${analysis.options.epochAnchor}`, {
        context: { epochS: epochNs(analysis) / 1e9, epochAnchor: analysis.options.epochAnchor },
      });
    }
  }
  return { anchor: first.options.epochAnchor, epochNs: epochNs(first) };
}

function bandsOf(replications: readonly RunAnalysis[], epochNs: number, anchor: EpochAnchor, series: (analysis: RunAnalysis) => ReadonlyArray<readonly [number, number | null]>): Bands {
  const byIndex = new Map<number, Array<number | null>>();
  for (const analysis of replications) for (const [index, value] of series(analysis)) byIndex.set(index, [...(byIndex.get(index) ?? []), value]);
  const points: BandPoint[] = [];
  for (const index of [...byIndex.keys()].sort((a, b) => a - b)) {
    const spread = spreadOf(byIndex.get(index) ?? []);
    if (spread !== null) points.push({ index, offsetS: (index * epochNs) / 1e9, spread });
  }
  return { anchor, epochS: epochNs / 1e9, replications: replications.length, points };
}

/** Bands of an epoch metric (loss %, throughput, RTT, retransmits). */
export function epochBands(replications: readonly RunAnalysis[], metric: EpochMetric): Bands {
  const { anchor, epochNs } = sharedGrid(replications, (analysis) => analysis.epochNs);
  return bandsOf(replications, epochNs, anchor, (analysis) => analysis.epochs.map((row) => [row.index, row[metric]] as const));
}

/** Bands of one device's mean power per power epoch (the notebook drew min/max around the mean). */
export function powerBands(replications: readonly RunAnalysis[], device: string): Bands {
  const powerEpochNs = (analysis: RunAnalysis) => Math.round(analysis.options.powerEpochS * 1e9);
  const { anchor, epochNs } = sharedGrid(replications, powerEpochNs);
  return bandsOf(replications, epochNs, anchor, (analysis) => (analysis.power.find((stream) => stream.device === device)?.epochs ?? []).map((epoch) => [epoch.index, epoch.meanPowerW] as const));
}

/** Every device that any replication measured, sorted. */
export function powerDevices(replications: readonly RunAnalysis[]): string[] {
  return [...new Set(replications.flatMap((analysis) => analysis.power.map((stream) => stream.device)))].sort();
}
