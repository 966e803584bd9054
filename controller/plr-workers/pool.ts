/**
 * The worker-thread integrator: two worker threads, one per fitting function, kept alive across
 * trials. start() posts the job; stop() sets the shared stop slot and waits for the estimate.
 * A worker that makes no progress for stopTimeoutS after being told to stop counts as hung
 * (PLR_WORKER_TIMEOUT); one that fails its job, throws or exits fails the pool (PLR_INTEGRATOR_FAILED,
 * PLR_WORKER_FAILED). On any failure every worker is terminated before the error is reported, and
 * start() throws that error from then on (so a search fails before measuring another trial).
 * close() terminates the workers too; call it when done.
 */
import type { Clock } from "../../common/clock.js";
import { TestbenchError, ValidationError, quote } from "../../common/errors.js";
import { systemClock } from "../../common/system-clock.js";
import { PLR_ERROR_CODES } from "../search/plr/errors.js";
import type { FittingName } from "../search/plr/fitting.js";
import { FITTING_NAMES, isFittingName } from "../search/plr/fitting.js";
import type { IntegrationEstimate, IntegrationHandle, IntegrationJob, Integrator } from "../search/plr/integrator.js";
import { checkWorkerScript, workerScriptUrl } from "./worker-url.js";
import { WorkerSlot } from "./worker-slot.js";

export interface WorkerPoolOptions {
  /** The worker script; default the compiled worker next to this module (see worker-url.ts). */
  readonly workerUrl?: URL;
  /** A stopped worker showing no progress for this long is hung; default 10 s (CSIT waits 10 s). */
  readonly stopTimeoutS?: number;
  /** A stopped worker that has not finished loading its code for this long is hung; default 30 s (at least stopTimeoutS). */
  readonly bootTimeoutS?: number;
  /** Times the stop watchdog; default the system clock (the search's clock may be virtual). */
  readonly clock?: Clock;
}

export interface WorkerPoolIntegrator extends Integrator {
  /** Terminate every worker; later jobs fail with PLR_INTEGRATOR_CLOSED. Idempotent. */
  close(): Promise<void>;
  /** Worker threads that have not exited. */
  readonly liveWorkerCount: number;
  /** The failure that terminated the pool, if one did. */
  readonly failure: TestbenchError | null;
}

export const DEFAULT_STOP_TIMEOUT_S = 10;
export const DEFAULT_BOOT_TIMEOUT_S = 30;

function checkSeconds(name: string, value: number): number {
  if (Number.isFinite(value) && value > 0) return value;
  throw new ValidationError("SEARCH_OPTION_INVALID", `PLRsearch worker pool option ${name} must be a finite number > 0 (seconds), got ${quote(value)}`, {
    context: { option: name },
  });
}

class WorkerPool implements WorkerPoolIntegrator {
  private readonly slots: Readonly<Record<FittingName, WorkerSlot>>;
  private readonly clock: Clock;
  private readonly stopTimeoutS: number;
  private readonly bootTimeoutS: number;
  private failureError: TestbenchError | null = null;
  private closed = false;
  private shutdown: Promise<void> | null = null;

  constructor(options: WorkerPoolOptions) {
    this.stopTimeoutS = checkSeconds("stopTimeoutS", options.stopTimeoutS ?? DEFAULT_STOP_TIMEOUT_S);
    this.bootTimeoutS = Math.max(this.stopTimeoutS, checkSeconds("bootTimeoutS", options.bootTimeoutS ?? DEFAULT_BOOT_TIMEOUT_S));
    this.clock = options.clock ?? systemClock;
    const url = checkWorkerScript(options.workerUrl ?? workerScriptUrl());
    const onFailure = (error: TestbenchError) => void this.fail(error);
    const slots: Partial<Record<FittingName, WorkerSlot>> = {};
    try {
      for (const fitting of FITTING_NAMES) slots[fitting] = new WorkerSlot(fitting, url, onFailure);
    } catch (error) {
      for (const slot of Object.values(slots)) void slot.terminate();
      throw error;
    }
    this.slots = Object.freeze(slots as Record<FittingName, WorkerSlot>);
  }

  get liveWorkerCount(): number {
    return Object.values(this.slots).filter((slot) => slot.alive).length;
  }

  get failure(): TestbenchError | null {
    return this.failureError;
  }

  start(job: IntegrationJob): IntegrationHandle {
    if (this.failureError !== null) throw this.failureError;
    if (this.closed) throw closedError();
    const slot = isFittingName(job.fitting) ? this.slots[job.fitting] : undefined;
    if (slot === undefined) {
      throw new TestbenchError(PLR_ERROR_CODES.integratorFailed, `PLRsearch integrator: no worker for the fitting function ${quote(job.fitting)}; known: ${FITTING_NAMES.join(", ")}`, {
        context: { fitting: String(job.fitting) },
      });
    }
    if (slot.busy) {
      throw new TestbenchError(PLR_ERROR_CODES.integratorBusy, `PLRsearch integrator: a ${job.fitting} computation was started before the previous one was stopped`, {
        context: { fitting: job.fitting },
      });
    }
    const { jobId, estimate } = slot.run(job);
    estimate.catch(() => undefined);
    let stopped: Promise<IntegrationEstimate> | undefined;
    return Object.freeze({ stop: () => (stopped ??= this.stop(slot, jobId, estimate)) });
  }

  close(): Promise<void> {
    this.closed = true;
    return this.shutDown(closedError());
  }

  private async stop(slot: WorkerSlot, jobId: number, estimate: Promise<IntegrationEstimate>): Promise<IntegrationEstimate> {
    slot.requestStop(jobId);
    const watchdog = new AbortController();
    try {
      return await Promise.race([estimate, this.watch(slot, jobId, watchdog.signal)]);
    } finally {
      watchdog.abort();
    }
  }

  /** Rejects with PLR_WORKER_TIMEOUT once the slot stalls (no progress, or still loading) too long; never settles otherwise. */
  private async watch(slot: WorkerSlot, jobId: number, signal: AbortSignal): Promise<never> {
    const pollS = Math.min(0.05, this.stopTimeoutS / 4);
    let lastState = "";
    let lastChangeS = this.clock.monotonicS();
    while (!signal.aborted) {
      await this.clock.sleep(pollS, signal).catch(() => undefined);
      if (signal.aborted) break;
      const { ready, progress } = slot;
      const state = `${ready}:${progress}`;
      const nowS = this.clock.monotonicS();
      const limitS = ready ? this.stopTimeoutS : this.bootTimeoutS;
      if (state !== lastState) {
        lastState = state;
        lastChangeS = nowS;
      } else if (nowS - lastChangeS >= limitS) {
        const what = ready ? `made no progress for ${limitS} s after it was told to stop (stuck at sample ${progress})` : `did not finish loading within ${limitS} s`;
        const error = new TestbenchError(
          PLR_ERROR_CODES.workerTimeout,
          `PLRsearch integrator worker thread for the ${slot.fitting} fitting function ${what}. The search stopped and every integrator worker was terminated.`,
          { context: { fitting: slot.fitting, jobId, timeoutS: limitS, samples: progress, loaded: ready } },
        );
        await this.fail(error);
        throw error;
      }
    }
    return new Promise<never>(() => undefined);
  }

  private fail(error: TestbenchError): Promise<void> {
    this.failureError ??= error;
    return this.shutDown(this.failureError);
  }

  /** Terminate every worker, then reject whatever they were running. */
  private shutDown(reason: TestbenchError): Promise<void> {
    this.shutdown ??= (async () => {
      const slots = Object.values(this.slots);
      await Promise.allSettled(slots.map((slot) => slot.terminate()));
      for (const slot of slots) slot.abandon(reason);
    })();
    return this.shutdown;
  }
}

function closedError(): TestbenchError {
  return new TestbenchError(PLR_ERROR_CODES.integratorClosed, "PLRsearch worker pool integrator is closed: create a new one for another search");
}

/** Start the two worker threads (one per fitting function); PLR_WORKER_SCRIPT_MISSING if the compiled worker is absent. */
export function createWorkerPoolIntegrator(options: WorkerPoolOptions = {}): WorkerPoolIntegrator {
  return new WorkerPool(options);
}
