/**
 * One integrator worker thread and the job it is running. The slot only moves messages; the pool
 * decides what a failure means. Every way the thread can fail (a failed job, an uncaught error, an
 * unreadable message, an unexpected exit) is reported once through `onFailure`.
 */
import { Worker } from "node:worker_threads";
import { TestbenchError } from "../../common/errors.js";
import { PLR_ERROR_CODES } from "../search/plr/errors.js";
import type { FittingName } from "../search/plr/fitting.js";
import type { IntegrationEstimate, IntegrationJob } from "../search/plr/integrator.js";
import type { FromWorker, StartMessage, WorkerInit } from "./messages.js";
import { CONTROL_PROGRESS, CONTROL_READY, CONTROL_SLOTS, CONTROL_STOP_JOB, deserializeError } from "./messages.js";

interface PendingJob {
  readonly jobId: number;
  readonly resolve: (estimate: IntegrationEstimate) => void;
  readonly reject: (error: unknown) => void;
}

export class WorkerSlot {
  private readonly worker: Worker;
  private readonly control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  private pending: PendingJob | null = null;
  private lastJobId = 0;
  private terminating = false;
  private exited = false;

  constructor(
    readonly fitting: FittingName,
    scriptUrl: URL,
    private readonly onFailure: (error: TestbenchError) => void,
  ) {
    const init: WorkerInit = { control: this.control.buffer as SharedArrayBuffer };
    this.worker = new Worker(scriptUrl, { workerData: init });
    this.worker.on("message", (message: FromWorker) => this.receive(message));
    this.worker.on("error", (error: Error) => this.fail(PLR_ERROR_CODES.workerFailed, `raised an uncaught error: ${error.message}`, error));
    this.worker.on("messageerror", (error: Error) => this.fail(PLR_ERROR_CODES.workerFailed, `sent a message that could not be read: ${error.message}`, error));
    this.worker.on("exit", (exitCode: number) => {
      this.exited = true;
      if (!this.terminating) this.fail(PLR_ERROR_CODES.workerFailed, `exited unexpectedly with code ${exitCode}`, undefined);
    });
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** The worker thread has loaded its code and listens for jobs. */
  get ready(): boolean {
    return Atomics.load(this.control, CONTROL_READY) === 1;
  }

  /** Samples the current job has taken so far (as last published by the worker). */
  get progress(): number {
    return Atomics.load(this.control, CONTROL_PROGRESS);
  }

  /** Send a job; the promise settles with its estimate or the slot's failure. */
  run(job: IntegrationJob): { readonly jobId: number; readonly estimate: Promise<IntegrationEstimate> } {
    const jobId = (this.lastJobId = (this.lastJobId % 0x7fffffff) + 1);
    const estimate = new Promise<IntegrationEstimate>((resolve, reject) => {
      this.pending = { jobId, resolve, reject };
    });
    const message: StartMessage = { type: "start", jobId, job };
    this.worker.postMessage(message);
    return { jobId, estimate };
  }

  requestStop(jobId: number): void {
    Atomics.store(this.control, CONTROL_STOP_JOB, jobId);
  }

  /** Reject the current job (if any) with this error. */
  abandon(error: unknown): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }

  async terminate(): Promise<void> {
    this.terminating = true;
    if (this.exited) return;
    await this.worker.terminate();
    this.exited = true;
  }

  private receive(message: FromWorker): void {
    const pending = this.pending;
    if (pending === null || pending.jobId !== message.jobId) return;
    if (message.type === "estimate") {
      this.pending = null;
      pending.resolve(message.estimate);
      return;
    }
    const cause = deserializeError(message.error);
    const code = message.error.code === null ? "" : ` [${message.error.code}]`;
    this.onFailure(
      new TestbenchError(
        PLR_ERROR_CODES.integratorFailed,
        `PLRsearch integrator for the ${this.fitting} fitting function failed in its worker thread${code}: ${message.error.message}. ` +
          `The search stopped and every integrator worker was terminated.`,
        { cause, context: { fitting: this.fitting, jobId: message.jobId, workerErrorCode: message.error.code } },
      ),
    );
  }

  private fail(code: string, what: string, cause: unknown): void {
    if (this.terminating) return;
    this.onFailure(
      new TestbenchError(code, `PLRsearch integrator worker thread for the ${this.fitting} fitting function ${what}. The search stopped and every integrator worker was terminated.`, {
        cause,
        context: { fitting: this.fitting },
      }),
    );
  }
}
