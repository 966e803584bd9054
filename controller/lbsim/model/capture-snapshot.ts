/**
 * A server's state as the notebook's ServerState exposes it to cost functions, written as one
 * snapshot row: only the columns the run's costs read are computed.
 */
import { COLUMN, columnBit } from "./snapshot-table.js";
import type { World } from "./world.js";

function wants(mask: number, column: number): boolean {
  return (mask & columnBit(column)) !== 0;
}

export function writeSnapshot(world: World, server: number): number {
  const { servers, snapshots } = world;
  const mask = world.needs.snapshotColumns;
  const weight = world.settings.ewmaWeight;
  const row = snapshots.append();
  const utilization = servers.utilization[server];
  const queries = servers.queriesPerTick[server];
  const rif = servers.requestsInFlight[server];
  const latencies = servers.latencies[server];
  if (utilization === undefined || queries === undefined || rif === undefined || latencies === undefined) return row;
  if (wants(mask, COLUMN.rifLatest)) snapshots.set(row, COLUMN.rifLatest, rif.latest());
  if (wants(mask, COLUMN.expectedLatency)) {
    const rifMean = rif.mean();
    if (!Number.isNaN(rifMean)) snapshots.set(row, COLUMN.expectedLatency, servers.latencyByRif[server]?.interpolate(rifMean) ?? Number.NaN);
  }
  if (wants(mask, COLUMN.utilizationLatest)) snapshots.set(row, COLUMN.utilizationLatest, utilization.latest());
  if (wants(mask, COLUMN.utilizationMean)) snapshots.set(row, COLUMN.utilizationMean, utilization.mean());
  if (wants(mask, COLUMN.utilizationEwma)) snapshots.set(row, COLUMN.utilizationEwma, utilization.ewma(weight));
  if (wants(mask, COLUMN.queriesLatest)) snapshots.set(row, COLUMN.queriesLatest, queries.latest());
  if (wants(mask, COLUMN.queriesMean)) snapshots.set(row, COLUMN.queriesMean, queries.mean());
  if (wants(mask, COLUMN.queriesEwma)) snapshots.set(row, COLUMN.queriesEwma, queries.ewma(weight));
  if (wants(mask, COLUMN.latencyLatest)) snapshots.set(row, COLUMN.latencyLatest, latencies.latest());
  if (wants(mask, COLUMN.latencyMean)) snapshots.set(row, COLUMN.latencyMean, latencies.mean());
  if (wants(mask, COLUMN.latencyEwma)) snapshots.set(row, COLUMN.latencyEwma, latencies.ewma(weight));
  if (wants(mask, COLUMN.queuedLatest)) snapshots.set(row, COLUMN.queuedLatest, servers.queued[server]?.latest() ?? Number.NaN);
  if (wants(mask, COLUMN.pidWeight)) snapshots.set(row, COLUMN.pidWeight, servers.pidWeight[server] as number);
  return row;
}
