/**
 * What one simulation run is configured with. Keys follow the notebook's TestManager, with units
 * in the names: a tick is the notebook's abstract time step (read it as about 1 ms: requests take
 * ~6 ticks of processing and ~2 ticks each way on the network).
 */

/** From `fromTick` on, arrivals come at `multiplier` times the configured rate (a load ramp). */
export interface LoadStep {
  readonly fromTick: number;
  readonly multiplier: number;
}

/**
 * How each client picks its servers. random: the notebook's random.choices, with replacement (a
 * client may hold two channels to one server); distinct: without replacement; deterministic: a
 * ring (client c takes the subsetSize servers from floor(c * servers / clients) on), which removes
 * the per-server client-count imbalance ("banding") of random subsets.
 */
export type Subsetting = "random" | "distinct" | "deterministic";
export const SUBSETTINGS: readonly Subsetting[] = ["random", "distinct", "deterministic"];

/**
 * A picker and its options, composable: `{picker: "leastCost", cost: "serverRif", choices: 2}`,
 * `{picker: "withProbes", inner: {picker: "hcl"}}`. Each picker takes only the options listed
 * for it in docs/lbsim.md; anything else is an LBSIM_PICKER_OPTION_INVALID error.
 */
export interface PickerSpec {
  readonly picker: string;
  readonly cost?: string;
  readonly choices?: number;
  readonly allowNegativeCost?: boolean;
  readonly size?: number;
  readonly inner?: PickerSpec;
  readonly probesPerRequest?: number;
  readonly validate?: string;
  readonly ranking?: string;
  readonly health?: string;
  readonly healthCutoffPct?: number;
  readonly poolSize?: number;
  readonly maxAgeTicks?: number;
  readonly qRif?: number;
  readonly removesPerRequest?: number;
  readonly reuseDelta?: number;
  readonly maxReuse?: number;
  readonly rifHistory?: number;
  readonly choiceCount?: number;
  readonly activeRequestBias?: number;
  readonly weights?: string;
  readonly decayTicks?: number;
}

export interface SimSettings {
  readonly servers: number;
  readonly clients: number;
  /** Channels per client; null connects every client to every server. */
  readonly subsetSize: number | null;
  readonly subsetting: Subsetting;
  /** Mean arrivals per server per tick (the notebook's mean_requests_per_server_per_tick). */
  readonly requestsPerServerPerTick: number;
  /** Multiplies requestsPerServerPerTick (the notebook's "LowerRequestRate" entries). */
  readonly requestRateMultiplier: number;
  /** Rate steps over the arrival window; [{fromTick: 0, multiplier: 1}] is a flat rate. */
  readonly loadSteps: readonly LoadStep[];
  /** Ticks with arrivals; the run then cools down until every request has finished. */
  readonly totalTicks: number;
  readonly meanProcessingTicks: number;
  readonly probeProcessingTicks: number;
  readonly meanChannelRttTicks: number;
  /** The second randGamma parameter of a channel's RTT draw (it shifts the shape, see distributions.ts). */
  readonly channelRttVariance: number;
  readonly meanServerRttTicks: number;
  readonly serverRttVariance: number;
  readonly meanThreads: number;
  /** Per channel per tick: the chance that the channel re-draws its RTT. */
  readonly networkResetProbability: number;
  /** Per server per tick: the chance that the server is replaced (new threads, speed, RTT; cold channels). */
  readonly serverResetProbability: number;
  /** Extra processing ticks for the first request of a client on a (re)started server. */
  readonly coldChannelPenaltyTicks: number;
  /** Values each server keeps per statistic (utilization, queries, RIF, latency). */
  readonly serverStateBuffer: number;
  /** Completed requests each channel remembers (client-measured latency), and HCL's health history. */
  readonly clientRequestsBuffer: number;
  readonly ewmaWeight: number;
  /** Cool-down limit: requests still unfinished after it are counted as censored. */
  readonly maxCooldownTicks: number;
  /** Record metrics only on ticks divisible by this (the notebook's data_frequency was 30). */
  readonly sampleEveryTicks: number;
}

export interface SimConfig extends SimSettings {
  readonly picker: PickerSpec;
}

/** Partial settings, as scenarios and algorithms override them. */
export type SimOverrides = Partial<SimSettings>;

/** What runScenarioReplication takes: a picker and any settings to change from the defaults. */
export type SimConfigInput = SimOverrides & { readonly picker: PickerSpec };
