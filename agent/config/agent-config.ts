/** The agent's configuration (agent.yaml), validated and frozen; docs/agent.md documents every key. */
import { WireDefaults } from "../../common/wire/protocol.js";
import type { TlsConfig } from "./tls-config.js";
import type { ActionDefinition } from "../actions/action-definition.js";
import type { Iperf3Config } from "./iperf3-config.js";
import type { MeterConfig } from "./meter-config.js";

export interface ListenConfig {
  readonly host: string;
  /** 0 asks the OS for a free port. */
  readonly port: number;
}

export interface LimitsConfig {
  /** Largest message accepted; larger ones get Failure MESSAGE_TOO_LARGE and the connection is closed. */
  readonly maxMessageBytes: number;
  /** Requests in flight per connection; more get Failure TOO_MANY_PENDING. */
  readonly maxPendingRequests: number;
}

interface GeneratorCommonConfig {
  /** Frame size used when a trial request names none. */
  readonly frameSizeBytes: number;
  /** Ports trials may use, in (tx, rx) pairs; also the default when a request names none. */
  readonly ports: readonly number[];
}

export interface SimulatedGeneratorConfig extends GeneratorCommonConfig {
  readonly kind: "simulated";
  /** A compact device string, e.g. "stretch:mrr=1e7,spread=1e5" (common/devices/parse.ts). */
  readonly device: string;
}

export interface TrexGeneratorConfig extends GeneratorCommonConfig {
  readonly kind: "trex";
  readonly host: string;
  readonly rpcPort: number;
  /** Per-RPC timeout towards TRex, seconds. */
  readonly timeoutS: number;
}

export type GeneratorConfig = SimulatedGeneratorConfig | TrexGeneratorConfig;

export interface AgentConfig {
  /** The file it was read from, for messages. */
  readonly file: string;
  readonly agentId: string;
  readonly listen: ListenConfig;
  /** The shared secret controllers present at the upgrade. Never logged. */
  readonly token: string;
  readonly limits: LimitsConfig;
  readonly heartbeatIntervalS: number;
  readonly generator: GeneratorConfig;
  /** Power meters controllers may stream (docs/power.md); absent or empty: none. */
  readonly meters?: readonly MeterConfig[];
  /** Actions controllers may run by name (docs/actions.md); absent or empty: none. */
  readonly actions?: readonly ActionDefinition[];
  /** iperf3 servers and clients (docs/iperf3.md); absent: not offered. */
  readonly iperf3?: Iperf3Config | undefined;
  /** wss with an optional client-certificate check (docs/security.md); absent: plain ws. */
  readonly tls?: TlsConfig | undefined;
}

export const AGENT_CONFIG_DEFAULTS = Object.freeze({
  listenHost: "127.0.0.1",
  listenPort: 8765,
  maxMessageBytes: WireDefaults.maxMessageBytes,
  maxPendingRequests: WireDefaults.maxPendingRequests,
  heartbeatIntervalS: WireDefaults.heartbeatIntervalS,
  frameSizeBytes: 64,
  ports: Object.freeze([0, 1]),
  trexRpcPort: 4501,
  trexTimeoutS: 3,
});

/** Frame sizes a trial may use: Ethernet minimum to a 9216-byte jumbo frame. */
export const FRAME_SIZE_RANGE_BYTES = Object.freeze({ min: 64, max: 9216 });

/** The shortest token the agent accepts. */
export const MIN_TOKEN_LENGTH = 16;
