/**
 * The notebook's scenario table (its `scenarios` dict, 46 entries) as data, in its order. Two
 * entries named Weighted... ran LeastCost in the notebook (a copy-paste slip); here they run the
 * weighted picker their names describe. "LowerRequestRate" entries scale the rate by
 * processing / (processing + probes per request * probe processing), as the notebook's
 * queries_for_utilization call did (FastestProbe's with its 55/63 fudge factor).
 * RoundRobinLittleBigJobs drew 12 of its 10 servers (with replacement) in the notebook; a subset
 * larger than the server count is an error here, so it draws 10.
 */
import type { PickerSpec } from "../config/config-types.js";
import { NOTEBOOK_DEFAULTS } from "../config/defaults.js";
import type { LbsimAlgorithm } from "./scenario-types.js";

const PROCESSING = NOTEBOOK_DEFAULTS.meanProcessingTicks;
const lowerRate = (probesPerRequest: number) => ({
  requestRateMultiplier: PROCESSING / (PROCESSING + probesPerRequest * NOTEBOOK_DEFAULTS.probeProcessingTicks),
});
const FASTEST_PROBE_FUDGE = 55 / 63;
const LITTLE_BIG_SERVERS = Math.ceil(NOTEBOOK_DEFAULTS.servers / 4);

const least = (cost: string, choices?: number): PickerSpec => (choices === undefined ? { picker: "leastCost", cost } : { picker: "leastCost", cost, choices });
const weighted = (cost: string): PickerSpec => ({ picker: "weighted", cost });
const probing = (inner: PickerSpec): PickerSpec => ({ picker: "withProbes", inner });
const clientMetricsHcl: PickerSpec = { picker: "hcl", health: "clientRif", ranking: "clientLatencyMean" };
const fastest = (size: number): PickerSpec => ({ picker: "subset", size, inner: { picker: "fastestProbe" } });

const a = (name: string, picker: PickerSpec, overrides?: LbsimAlgorithm["overrides"]): LbsimAlgorithm =>
  Object.freeze(overrides === undefined ? { name, picker } : { name, picker, overrides });

export const NOTEBOOK_ALGORITHMS: readonly LbsimAlgorithm[] = Object.freeze([
  a("Random", { picker: "random" }),
  a("RoundRobin", { picker: "roundRobin" }),
  a("RoundRobinLittleBigJobs", { picker: "roundRobin" }, {
    requestRateMultiplier: 4,
    servers: LITTLE_BIG_SERVERS,
    subsetSize: Math.min(LITTLE_BIG_SERVERS, NOTEBOOK_DEFAULTS.subsetSize ?? LITTLE_BIG_SERVERS),
    meanThreads: NOTEBOOK_DEFAULTS.meanThreads * 4,
  }),
  a("LeastMeanClientLatency", least("clientLatencyMean")),
  a("LeastServerRequestsInFlight", least("serverRif")),
  a("WeightedServerRequestsInFlight", weighted("serverRif")),
  a("LeastServerExpectedLatency", least("serverExpectedLatency")),
  a("WeightedServerExpectedLatency", weighted("serverExpectedLatency")),
  a("ProbingLeastServerRequestsInFlight", probing(least("serverRif"))),
  a("ProbingWeightedServerRequestsInFlight", probing(weighted("serverRif"))),
  a("ProbingLeastServerExpectedLatency", probing(least("serverExpectedLatency"))),
  a("ProbingWeightedServerExpectedLatency", probing(weighted("serverExpectedLatency"))),
  a("ProbingLeastServerRequestsInFlightLowerRequestRate", probing(least("serverRif")), lowerRate(6)),
  a("ProbingWeightedServerRequestsInFlightLowerRequestRate", probing(weighted("serverRif")), lowerRate(6)),
  a("ProbingLeastServerExpectedLatencyLowerRequestRate", probing(least("serverExpectedLatency")), lowerRate(6)),
  a("ProbingWeightedServerExpectedLatencyLowerRequestRate", probing(weighted("serverExpectedLatency")), lowerRate(6)),
  a("LeastClientRequestsInFlight", least("clientRif")),
  a("LeastClientRequestsInFlightPickTwo", least("clientRif", 2)),
  a("Hcl", { picker: "hcl" }),
  a("ProbingHcl", probing({ picker: "hcl" })),
  a("ProbingHclLowerRequestRate", probing({ picker: "hcl" }), lowerRate(6)),
  a("ClientMetricsHcl", clientMetricsHcl),
  a("ProbingClientMetricsHcl", probing(clientMetricsHcl)),
  a("ProbingClientMetricsHclLowerRequestRate", probing(clientMetricsHcl), lowerRate(6)),
  a("LeastClientRequestsInFlightPickThree", least("clientRif", 3)),
  a("WeightedMeanClientLatency", weighted("clientLatencyMean")),
  a("WeightedClientRequestsInFlight", weighted("clientRif")),
  a("WeightedMeanUtilization", weighted("serverUtilizationMean")),
  a("WeightedMeanCapacity", weighted("serverCapacityMean")),
  a("WeightedMeanAvailableCapacity", weighted("serverAvailableCapacityMean")),
  a("CheatWeightedMeanUtilization", weighted("cheatServerUtilizationMean")),
  a("CheatWeightedMeanCapacity", weighted("cheatServerCapacityMean")),
  a("CheatWeightedMeanAvailableCapacity", weighted("cheatServerAvailableCapacityMean")),
  a("ProbingWeightedMeanUtilization", probing(weighted("serverUtilizationMean"))),
  a("ProbingWeightedMeanCapacity", probing(weighted("serverCapacityMean"))),
  a("ProbingWeightedMeanAvailableCapacity", probing(weighted("serverAvailableCapacityMean"))),
  a("ProbingWeightedMeanUtilizationLowerRequestRate", probing(weighted("serverUtilizationMean")), lowerRate(6)),
  a("ProbingWeightedMeanCapacityLowerRequestRate", probing(weighted("serverCapacityMean")), lowerRate(6)),
  a("ProbingWeightedMeanAvailableCapacityLowerRequestRate", probing(weighted("serverAvailableCapacityMean")), lowerRate(6)),
  a("CheatPidControlledUtilization", { picker: "weighted", cost: "cheatServerPid", allowNegativeCost: true }),
  a("ClientPidControlledUtilization", { picker: "pidWeighted" }),
  a("FastestProbe2", fastest(2)),
  a("FastestProbe3", fastest(3)),
  a("FastestProbe2LowerRequestRate", fastest(2), lowerRate(2 * FASTEST_PROBE_FUDGE)),
  a("FastestProbe3LowerRequestRate", fastest(3), lowerRate(3 * FASTEST_PROBE_FUDGE)),
  a("FastestProbeAllLowerRequestRate", { picker: "fastestProbe" }, lowerRate((NOTEBOOK_DEFAULTS.subsetSize ?? NOTEBOOK_DEFAULTS.servers) * FASTEST_PROBE_FUDGE)),
]);

/** The published pickers the notebook lacked, compared in the same setting. */
export const PUBLISHED_ALGORITHMS: readonly LbsimAlgorithm[] = Object.freeze([
  a("Prequal", { picker: "prequal" }),
  a("EnvoyLeastRequest", { picker: "envoyLeastRequest" }),
  a("EnvoyLeastRequestWeighted", { picker: "envoyLeastRequest", weights: "serverThreads" }),
  a("PeakEwma", { picker: "peakEwma" }),
]);
