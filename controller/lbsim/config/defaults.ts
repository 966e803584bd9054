/**
 * The notebook's defaults (TestManager's field defaults) and its campaign settings (170 ticks at a
 * request rate for 70% target utilization, 6 runs per entry).
 */
import type { SimSettings } from "./config-types.js";

export const NOTEBOOK_DEFAULTS: SimSettings = Object.freeze({
  servers: 40,
  clients: 40,
  subsetSize: 12,
  subsetting: "random",
  requestsPerServerPerTick: 2.2,
  requestRateMultiplier: 1,
  loadSteps: Object.freeze([Object.freeze({ fromTick: 0, multiplier: 1 })]),
  totalTicks: 500,
  meanProcessingTicks: 6,
  probeProcessingTicks: 1,
  meanChannelRttTicks: 2,
  channelRttVariance: 3,
  meanServerRttTicks: 2,
  serverRttVariance: 3,
  meanThreads: 100,
  networkResetProbability: 0.002,
  serverResetProbability: 0.002,
  coldChannelPenaltyTicks: 10,
  serverStateBuffer: 100,
  clientRequestsBuffer: 100,
  ewmaWeight: 0.2,
  maxCooldownTicks: 300,
  sampleEveryTicks: 1,
});

export interface UtilizationTarget {
  readonly threads: number;
  readonly processingTicks: number;
  readonly probesPerRequest?: number;
  readonly probeProcessingTicks?: number;
  readonly targetUtilization?: number;
}

/** The notebook's queries_for_utilization: arrivals per server per tick that keep `targetUtilization` of the threads busy. */
export function queriesForUtilization(target: UtilizationTarget): number {
  const { threads, processingTicks, probesPerRequest = 0, probeProcessingTicks = 1, targetUtilization = 0.8 } = target;
  return (targetUtilization * threads) / (processingTicks + probesPerRequest * probeProcessingTicks);
}

export const NOTEBOOK_TARGET_UTILIZATION = 0.7;
export const NOTEBOOK_TOTAL_TICKS = 170;
export const NOTEBOOK_REPLICATIONS = 6;

/** The campaign's request rate: 70% of 100 threads at 6 ticks each, 11.67 per server per tick. */
export const NOTEBOOK_REQUEST_RATE = queriesForUtilization({
  threads: NOTEBOOK_DEFAULTS.meanThreads,
  processingTicks: NOTEBOOK_DEFAULTS.meanProcessingTicks,
  targetUtilization: NOTEBOOK_TARGET_UTILIZATION,
});

/** What every notebook campaign run changes from the defaults. */
export const NOTEBOOK_RUN_SETTINGS = Object.freeze({ totalTicks: NOTEBOOK_TOTAL_TICKS, requestsPerServerPerTick: NOTEBOOK_REQUEST_RATE });
