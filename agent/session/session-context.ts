/** What every session of one agent shares: the hello it sends, the generator and who owns it. */
import type { Clock } from "../../common/clock.js";
import type { AgentHello, StreamKind, WireBody, WireFailure } from "../../common/wire/types.js";
import type { WallClockNs } from "../../common/wire/wall-clock-ns.js";
import type { ActionCatalog } from "../actions/action-catalog.js";
import type { TrafficGenerator } from "../drivers/traffic-generator.js";
import type { StreamStarter } from "../streams/stream-source.js";
import type { GeneratorOwnership } from "./generator-ownership.js";
import type { SerialQueue } from "./serial-queue.js";
import type { TrialDefaults } from "./trial-validation.js";

export interface SessionContext {
  /** Sent first on every connection; its limits are the ones this agent enforces. */
  readonly hello: AgentHello;
  readonly generator: TrafficGenerator;
  readonly trialDefaults: TrialDefaults;
  readonly ownership: GeneratorOwnership;
  /** Trials of the owning session run through it one at a time. */
  readonly trialQueue: SerialQueue;
  readonly clock: Clock;
  readonly wallClockNs: WallClockNs;
  /** Power meters, iperf3, actions: what streams and RunAction requests reach. */
  readonly instruments: Instruments;
}

/** The agent's stream sources and actions, and which session may use them. */
export interface Instruments {
  /** A kind without a starter is answered with UNSUPPORTED_REQUEST. */
  readonly starters: Readonly<Partial<Record<StreamKind, StreamStarter>>>;
  /** Undefined: RunActionRequest is answered with UNSUPPORTED_REQUEST. */
  readonly actions: ActionCatalog | undefined;
  /** One session at a time uses them, from its first stream or action until it has ended and they have settled. */
  readonly ownership: GeneratorOwnership;
  /** Streams one connection may have running at once. */
  readonly maxStreamsPerSession: number;
}

/** The socket under a session. */
export interface SessionTransport {
  send(bytes: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** How a session answers: a response body correlated to a request id. */
export type Reply = (correlationId: number, body: WireBody) => void;

export function failureBody(failure: WireFailure): WireBody {
  return { kind: "failure", value: failure };
}
