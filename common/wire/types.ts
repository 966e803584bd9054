/**
 * The wire messages as the rest of the code sees them: plain, readonly, with units in names and
 * defaults applied. common/wire/codec.ts converts them to and from protobuf bytes.
 * Counts and ids are safe integers; Unix-epoch nanosecond timestamps are bigint.
 */

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

export type StreamKind = "unspecified" | "power" | "iperf" | "action";

export interface StreamStart {
  readonly streamId: string;
  readonly kind: StreamKind;
  readonly source: string;
  readonly arguments: Readonly<Record<string, string>>;
}

export interface StreamStarted {
  readonly streamId: string;
  readonly startedUnixNs: bigint;
}

export interface StreamStop {
  readonly streamId: string;
}

export interface StreamStopped {
  readonly streamId: string;
  readonly samplesSent: number;
}

export interface PowerSample {
  readonly streamId: string;
  readonly atUnixNs: bigint;
  readonly channel: string;
  readonly powerW: number;
}

export interface IperfInterval {
  readonly streamId: string;
  readonly startS: number;
  readonly endS: number;
  readonly bytes: number;
  readonly rateBps: number;
  readonly packets: number;
  readonly lostPackets: number;
  readonly jitterMs: number;
  readonly retransmits: number;
  readonly omitted: boolean;
}

export type ActionPhase = "unspecified" | "started" | "finished" | "failed";

export interface ActionEvent {
  readonly streamId: string;
  readonly atUnixNs: bigint;
  readonly action: string;
  readonly phase: ActionPhase;
  readonly exitCode: number;
  readonly detail: string;
}

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
