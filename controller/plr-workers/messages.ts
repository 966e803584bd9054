/**
 * What the pool and an integrator worker thread say to each other. Jobs and estimates travel by
 * postMessage (structured clone). The stop request and the progress counter go through a small
 * SharedArrayBuffer instead, so that the worker sees a stop between two samples without returning
 * to its event loop, and the pool can tell a slow worker from a hung one.
 */
import type { IntegrationEstimate, IntegrationJob } from "../search/plr/integrator.js";

/** Int32 slots of the shared control buffer: the job id told to stop, samples of the current job, 1 once loaded. */
export const CONTROL_STOP_JOB = 0;
export const CONTROL_PROGRESS = 1;
export const CONTROL_READY = 2;
export const CONTROL_SLOTS = 3;

export interface WorkerInit {
  /** CONTROL_SLOTS Int32 values (see CONTROL_*). */
  readonly control: SharedArrayBuffer;
}

export interface StartMessage {
  readonly type: "start";
  readonly jobId: number;
  readonly job: IntegrationJob;
}

export interface EstimateMessage {
  readonly type: "estimate";
  readonly jobId: number;
  readonly estimate: IntegrationEstimate;
}

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack: string | null;
  readonly code: string | null;
}

export interface FailedMessage {
  readonly type: "failed";
  readonly jobId: number;
  readonly error: SerializedError;
}

export type ToWorker = StartMessage;
export type FromWorker = EstimateMessage | FailedMessage;

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, stack: error.stack ?? null, code: typeof code === "string" ? code : null };
  }
  return { name: "Error", message: String(error), stack: null, code: null };
}

/** An Error carrying the worker's message and stack, to be a cause on the main thread. */
export function deserializeError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack !== null) error.stack = serialized.stack;
  return error;
}
