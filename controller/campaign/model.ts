/** A campaign as loaded and validated: what the orchestrator plans runs from. */
import type { DeviceSpec } from "../../common/devices/index.js";

export type TestbedKind = "embedded" | "simulated" | "agents";

export interface AgentRef {
  readonly id: string;
  readonly url: string;
  /** Absolute path (resolved against the campaign file's folder). */
  readonly tokenFile: string;
}

/** A power meter an agent's config defines, recorded over every throughput and soak trial. */
export interface MeterRef {
  readonly agent: string;
  readonly meter: string;
  readonly intervalMs?: number;
}

export interface TestbedDefinition {
  readonly name: string;
  /** embedded: a TRex emulator and a local agent on loopback per run; simulated: in-process device; agents: remote agents. */
  readonly kind: TestbedKind;
  readonly agents: readonly AgentRef[];
  /** agents: the meters named by the campaign; embedded: its agent's simulated meter; simulated: none. */
  readonly meters: readonly MeterRef[];
}

export type OptionValue = number | boolean | string;

/** A failover experiment's settings as written (docs/campaigns.md); roles left out come from an embedded testbed. */
export interface FailoverSettings {
  readonly sessions?: ReadonlyArray<{ readonly client: string; readonly server: string; readonly target: string; readonly port?: number }>;
  readonly meters?: ReadonlyArray<{ readonly agent: string; readonly meter: string; readonly intervalMs?: number }>;
  readonly action?: { readonly agent?: string; readonly name?: string; readonly params?: Readonly<Record<string, OptionValue>> };
  readonly iperf?: { readonly protocol?: "udp" | "tcp"; readonly bitrateBps?: number; readonly lengthBytes?: number; readonly intervalS?: number };
  readonly timeline: { readonly t1S: number; readonly t2S: number };
  readonly analysis?: Readonly<Record<string, number>>;
}

/** An lbsim experiment's settings (docs/campaigns.md "Load-balancing simulator experiments"). */
export interface LbsimSettings {
  /** A built-in scenario (controller/lbsim/scenarios). */
  readonly scenario: string;
  /** A subset of the scenario's algorithms, in the scenario's order; absent: all of them. */
  readonly algorithms?: readonly string[];
  /** Worker threads per run; absent: os.availableParallelism(). */
  readonly workers?: number;
}

/** lbsim runs need no testbed: they all share this implicit slot (one lbsim run at a time, each on its worker threads). */
export const LBSIM_SLOT = "cpu";

export interface ExperimentDefinition {
  /** Unique within the campaign; with a sweep value, e.g. `hard[options.width=0.01]`. */
  readonly key: string;
  readonly name: string;
  /** throughput: MLRsearch or RFC 2544 binary search; soak: PLRsearch; failover: a timeline on agents; lbsim: the load-balancing simulator. */
  readonly kind: "throughput" | "soak" | "failover" | "lbsim";
  readonly testbed: string;
  readonly replications: number;
  readonly device: DeviceSpec | null;
  readonly algorithm: "mlr" | "rfc2544" | "plr";
  readonly preset: string;
  readonly options: Readonly<Record<string, OptionValue>>;
  /** The swept parameter and value this variant has, if any. */
  readonly sweepPoint: { readonly parameter: string; readonly value: OptionValue } | null;
  /** kind failover: its settings with the sweep value applied; null otherwise. */
  readonly failover: FailoverSettings | null;
  /** kind lbsim: its settings; absent otherwise. */
  readonly lbsim?: LbsimSettings;
}

export interface CampaignDefinition {
  readonly name: string;
  readonly description: string | null;
  /** Absolute path of the campaign file. */
  readonly file: string;
  readonly seed: number;
  readonly testbeds: ReadonlyMap<string, TestbedDefinition>;
  /** Experiments with sweeps expanded, in file order. */
  readonly experiments: readonly ExperimentDefinition[];
}
