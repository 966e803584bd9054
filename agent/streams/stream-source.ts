/**
 * What every stream kind (power, iperf, action) provides to the session: a starter that validates
 * the StreamStart, starts its source and hands back a running stream. The session does the rest
 * (ids, ownership, StreamStarted / StreamEnded / StreamStopped, gating and counting of samples).
 */
import type { TestbenchError } from "../../common/errors.js";
import type { IperfReport, PowerTotals, RunActionResult, StreamStart, WireBody } from "../../common/wire/types.js";

/** Sends one sample-carrying body (PowerSampleBatch, IperfInterval, ActionEvent) of this stream. */
export type EmitSample = (body: WireBody) => void;

export type StreamEndKind = "done" | "stopped" | "failed";

/** How a stream ended, with what its kind reports at the end. */
export interface StreamOutcome {
  readonly reason: StreamEndKind;
  /** Why it failed (reason "failed"). */
  readonly error?: TestbenchError;
  readonly power?: PowerTotals;
  readonly iperf?: IperfReport;
  readonly action?: RunActionResult;
}

export interface RunningStream {
  /** Settles once the source has ended (by itself, by stop() or by the start signal); never rejects. */
  readonly ended: Promise<StreamOutcome>;
  /** Ask the source to end; idempotent. `ended` settles once it has (reason "stopped"). */
  stop(): void;
}

export interface StreamStarter {
  /**
   * Validate `request` (arguments included), start the source and resolve once it runs. Rejects with
   * a coded TestbenchError when the stream cannot start (unknown source, bad arguments, missing
   * binary, port in use, ...). `signal` aborts the stream at any time (the session ended).
   */
  start(request: StreamStart, emit: EmitSample, signal: AbortSignal): Promise<RunningStream>;
}
