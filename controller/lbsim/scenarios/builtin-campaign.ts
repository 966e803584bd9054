/**
 * The built-in campaign: the notebook's setting with its whole table plus the published pickers,
 * then the scenarios the notebook listed as TODO and a load ramp, each with a representative set
 * of algorithms. Every scenario runs 170 ticks at the notebook's rate unless it says otherwise.
 */
import type { SimOverrides } from "../config/config-types.js";
import { NOTEBOOK_REPLICATIONS, NOTEBOOK_RUN_SETTINGS, queriesForUtilization } from "../config/defaults.js";
import { NOTEBOOK_ALGORITHMS, PUBLISHED_ALGORITHMS } from "./notebook-algorithms.js";
import type { LbsimAlgorithm, LbsimScenario } from "./scenario-types.js";

const REPRESENTATIVE_NAMES = [
  "Random",
  "RoundRobin",
  "LeastClientRequestsInFlight",
  "LeastClientRequestsInFlightPickTwo",
  "LeastServerRequestsInFlight",
  "Hcl",
  "ClientMetricsHcl",
  "WeightedMeanAvailableCapacity",
  "FastestProbe2",
];

const byName = new Map([...NOTEBOOK_ALGORITHMS, ...PUBLISHED_ALGORITHMS].map((algorithm) => [algorithm.name, algorithm]));
export const REPRESENTATIVE_ALGORITHMS: readonly LbsimAlgorithm[] = Object.freeze([
  ...REPRESENTATIVE_NAMES.map((name) => byName.get(name) as LbsimAlgorithm),
  ...PUBLISHED_ALGORITHMS,
]);

const rateFor = (targetUtilization: number, threads = 100, processingTicks = 6) => queriesForUtilization({ threads, processingTicks, targetUtilization });

/** Prequal's load ramp (Fig. 6): multiples of the rate that keeps every thread busy, 30 ticks each. */
export const RAMP_MULTIPLIERS = Object.freeze([0.75, 0.83, 0.93, 1.03, 1.14, 1.27, 1.41, 1.57, 1.74]);
const RAMP_STEP_TICKS = 30;

const scenario = (name: string, description: string, overrides: SimOverrides, algorithms = REPRESENTATIVE_ALGORITHMS): LbsimScenario =>
  Object.freeze({ name, description, overrides: Object.freeze({ ...NOTEBOOK_RUN_SETTINGS, ...overrides }), algorithms });

export const NOTEBOOK_SCENARIO: LbsimScenario = scenario(
  "notebook",
  "The notebook's campaign: 40 clients with random subsets of 12 of 40 servers, 70% target utilization, 170 ticks; its 46 pickers plus Prequal, Envoy least-request and peak EWMA",
  {},
  Object.freeze([...NOTEBOOK_ALGORITHMS, ...PUBLISHED_ALGORITHMS]),
);

export const TODO_SCENARIOS: readonly LbsimScenario[] = Object.freeze([
  scenario("negligibleServerLatency", "Processing of about 1 tick (17 threads keep utilization at 70%): the network dominates", {
    meanProcessingTicks: 1,
    meanThreads: 17,
    requestsPerServerPerTick: rateFor(0.7, 17, 1),
  }),
  scenario("negligibleNetworkLatency", "Channel and server RTTs at the model's minimum (about 1 tick each way)", { meanChannelRttTicks: 1, meanServerRttTicks: 1 }),
  scenario("bigRttSpread", "Server RTTs of mean 10 ticks (randGamma spreads them by about sqrt(10); its variance argument cannot)", { meanServerRttTicks: 10 }),
  scenario("manyLowQpsClients", "400 clients at a tenth of the rate each: client-side counts are mostly 0", { clients: 400 }),
  scenario("lowUtilization", "30% target utilization", { requestsPerServerPerTick: rateFor(0.3) }),
  scenario("highUtilization", "90% target utilization", { requestsPerServerPerTick: rateFor(0.9) }),
  scenario("longRun", "Ten times the notebook's run: 1,700 ticks", { totalTicks: 1700 }),
  scenario("loadRamp", "Prequal's ramp: 0.75x to 1.74x the rate that keeps every thread busy, 30 ticks per step", {
    requestsPerServerPerTick: rateFor(1),
    totalTicks: RAMP_MULTIPLIERS.length * RAMP_STEP_TICKS,
    loadSteps: RAMP_MULTIPLIERS.map((multiplier, index) => ({ fromTick: index * RAMP_STEP_TICKS, multiplier })),
  }),
]);

export const BUILTIN_SCENARIOS: readonly LbsimScenario[] = Object.freeze([NOTEBOOK_SCENARIO, ...TODO_SCENARIOS]);
export const BUILTIN_REPLICATIONS = NOTEBOOK_REPLICATIONS;
