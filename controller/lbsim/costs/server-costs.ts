/**
 * Costs from server state, the notebook's ServerCostFn family, read either from the snapshot that
 * came with the channel's latest response (`server...`: ServerReportedCost) or from the server's
 * state right now (`cheatServer...`: ServerQuantumTunneledCost, which no real client could do).
 */
import { COLUMN, columnBit, type SnapshotTable } from "../model/snapshot-table.js";
import type { World } from "../model/world.js";
import type { CostFunction } from "./cost.js";

type Reader = (snapshots: SnapshotTable, row: number) => number;

interface ServerMetric {
  readonly name: string;
  readonly columns: readonly number[];
  readonly integerValued: boolean;
  readonly read: Reader;
  readonly serverPid?: boolean;
}

const AGGREGATES = [
  { suffix: "Mean", utilization: COLUMN.utilizationMean, queries: COLUMN.queriesMean, latency: COLUMN.latencyMean },
  { suffix: "Latest", utilization: COLUMN.utilizationLatest, queries: COLUMN.queriesLatest, latency: COLUMN.latencyLatest },
  { suffix: "Ewma", utilization: COLUMN.utilizationEwma, queries: COLUMN.queriesEwma, latency: COLUMN.latencyEwma },
] as const;

/** Python truthiness of the notebook's values: None (NaN here) and 0 are false. */
const truthy = (value: number): boolean => value !== 0 && !Number.isNaN(value);

/** ServerCapacityCost: 1 / (request rate / utilization); ServerAvailableCapacityCost: 1 / (capacity - request rate). */
function capacityReader(queries: number, utilization: number, available: boolean): Reader {
  return (snapshots, row) => {
    const requestRate = snapshots.get(row, queries);
    const utilizationPct = snapshots.get(row, utilization);
    if (!truthy(requestRate) || !truthy(utilizationPct)) return Number.NaN;
    const capacity = requestRate / (utilizationPct / 100);
    if (capacity <= 0) return Number.NaN;
    if (!available) return 1 / capacity;
    const spare = capacity - requestRate;
    return spare <= 0 ? Number.NaN : 1 / spare;
  };
}

/** ServerPidCost: 1 / weight, the weight pushed at least 1e-4 away from zero. */
const pidReader: Reader = (snapshots, row) => {
  let weight = snapshots.get(row, COLUMN.pidWeight);
  if (Number.isNaN(weight)) return Number.NaN;
  if (weight > -0.0001 && weight < 0.0001) weight = weight >= 0 ? 0.0001 : -0.0001;
  return 1 / weight;
};

const column = (which: number): Reader => (snapshots, row) => snapshots.get(row, which);

const METRICS: readonly ServerMetric[] = [
  { name: "Rif", columns: [COLUMN.rifLatest], integerValued: true, read: column(COLUMN.rifLatest) },
  { name: "ExpectedLatency", columns: [COLUMN.expectedLatency], integerValued: false, read: column(COLUMN.expectedLatency) },
  { name: "QueueLength", columns: [COLUMN.queuedLatest], integerValued: true, read: column(COLUMN.queuedLatest) },
  { name: "Pid", columns: [COLUMN.pidWeight], integerValued: false, read: pidReader, serverPid: true },
  ...AGGREGATES.flatMap((aggregate) => [
    { name: `Utilization${aggregate.suffix}`, columns: [aggregate.utilization], integerValued: false, read: column(aggregate.utilization) },
    { name: `RequestRate${aggregate.suffix}`, columns: [aggregate.queries], integerValued: false, read: column(aggregate.queries) },
    { name: `Latency${aggregate.suffix}`, columns: [aggregate.latency], integerValued: false, read: column(aggregate.latency) },
    {
      name: `Capacity${aggregate.suffix}`,
      columns: [aggregate.queries, aggregate.utilization],
      integerValued: false,
      read: capacityReader(aggregate.queries, aggregate.utilization, false),
    },
    {
      name: `AvailableCapacity${aggregate.suffix}`,
      columns: [aggregate.queries, aggregate.utilization],
      integerValued: false,
      read: capacityReader(aggregate.queries, aggregate.utilization, true),
    },
  ]),
];

function serverCost(metric: ServerMetric, cheat: boolean): CostFunction {
  const needs = Object.freeze({ snapshotColumns: metric.columns.reduce((bits, each) => bits | columnBit(each), 0), serverPid: metric.serverPid === true });
  const read = metric.read;
  const cost = cheat
    ? (world: World, channel: number) => read(world.snapshots, world.servers.snapshot[world.channels.server[channel] as number] as number)
    : (world: World, channel: number) => read(world.snapshots, world.channels.lastSnapshot[channel] as number);
  return Object.freeze({ name: `${cheat ? "cheatServer" : "server"}${metric.name}`, integerValued: metric.integerValued, needs, cost });
}

export const SERVER_COSTS: readonly CostFunction[] = [...METRICS.map((metric) => serverCost(metric, false)), ...METRICS.map((metric) => serverCost(metric, true))];
