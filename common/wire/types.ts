/**
 * The wire messages as the rest of the code sees them: plain, readonly, with units in names and
 * defaults applied. common/wire/codec.ts converts them to and from protobuf bytes.
 * Counts and ids are safe integers; Unix-epoch nanosecond timestamps are bigint.
 */
import type {
  ActionEvent,
  IperfInterval,
  PowerSample,
  PowerSampleBatch,
  RunActionRequest,
  RunActionResult,
  StreamEnded,
  StreamStart,
  StreamStarted,
  StreamStop,
  StreamStopped,
} from "./stream-types.js";


export interface WireFailure {
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly context: Readonly<Record<string, string>>;
}

export interface AgentHello {
  readonly agentId: string;
  readonly softwareVersion: string;
  readonly protocolVersion: number;
  readonly capabilities: readonly string[];
  readonly heartbeatIntervalS: number;
  readonly maxMessageBytes: number;
  readonly maxPendingRequests: number;
  readonly ports: readonly number[];
}

export interface ControllerHello {
  readonly controllerId: string;
  readonly softwareVersion: string;
  readonly protocolVersion: number;
}

export interface Ping {
  readonly t1UnixNs: bigint;
}

export interface Pong {
  readonly t1UnixNs: bigint;
  readonly t2UnixNs: bigint;
  readonly t3UnixNs: bigint;
}

export interface RunTrialRequest {
  readonly trialId: string;
  readonly durationS: number;
  /** Per direction. */
  readonly loadPps: number;
  /** 0: the agent's default. */
  readonly frameSizeBytes: number;
  /** Pairs (tx, rx); empty: the agent's configured ports. */
  readonly ports: readonly number[];
  readonly bidirectional: boolean;
}

export interface DirectionResult {
  readonly txPort: number;
  readonly rxPort: number;
  readonly intendedCount: number;
  readonly txPackets: number;
  readonly rxPackets: number;
  readonly negativeLoss: boolean;
  readonly unsent: boolean;
}

export interface RunTrialResult {
  readonly trialId: string;
  readonly directions: readonly DirectionResult[];
  readonly offeredDurationS: number;
  readonly durationWithOverheadsS: number;
}

export type {
  ActionEvent,
  ActionOutcome,
  ActionPhase,
  IperfInterval,
  IperfReport,
  PowerGap,
  PowerReading,
  PowerSample,
  PowerSampleBatch,
  PowerTotals,
  RunActionRequest,
  RunActionResult,
  StreamEndReason,
  StreamEnded,
  StreamKind,
  StreamStart,
  StreamStarted,
  StreamStop,
  StreamStopped,
} from "./stream-types.js";

/** Body kinds, named as the Envelope's oneof members. */
export interface WireBodies {
  failure: WireFailure;
  agentHello: AgentHello;
  controllerHello: ControllerHello;
  ping: Ping;
  pong: Pong;
  runTrialRequest: RunTrialRequest;
  runTrialResult: RunTrialResult;
  streamStart: StreamStart;
  streamStarted: StreamStarted;
  streamStop: StreamStop;
  streamStopped: StreamStopped;
  powerSample: PowerSample;
  iperfInterval: IperfInterval;
  actionEvent: ActionEvent;
  powerSampleBatch: PowerSampleBatch;
  streamEnded: StreamEnded;
  runActionRequest: RunActionRequest;
  runActionResult: RunActionResult;
}

export type WireBodyKind = keyof WireBodies;

export type WireBody = { [K in WireBodyKind]: { readonly kind: K; readonly value: WireBodies[K] } }[WireBodyKind];

export type WireBodyOf<K extends WireBodyKind> = Extract<WireBody, { kind: K }>;

export interface WireEnvelope {
  /** Sender-assigned, >= 1, unique per connection and direction. */
  readonly id: number;
  /** The request's id for a response; 0 otherwise. */
  readonly correlationId: number;
  readonly body: WireBody;
}
