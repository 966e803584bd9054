/**
 * One campaign on a pool of worker threads: each worker runs one task at a time and gets the next
 * as soon as it answers. A run that throws is a failure and the campaign goes on; a worker that
 * crashes or exits, or a callback that throws, ends it (every worker terminated, the promise
 * rejected). An aborted signal terminates the workers at once and resolves with the runs finished
 * so far (ended: "cancelled"); the runs that were in flight are dropped.
 */
import { Worker } from "node:worker_threads";
import type { Clock } from "../../common/clock.js";
import { TestbenchError } from "../../common/errors.js";
import { estimateRemainingMs, type LbsimCampaignResult, type LbsimFailure, type LbsimProgress } from "../lbsim/campaign/campaign-result.js";
import type { LbsimTask } from "../lbsim/campaign/plan.js";
import type { LbsimRun } from "../lbsim/campaign/summarize.js";
import { LBSIM_ERROR_CODES } from "../lbsim/errors.js";
import type { FromWorker, ToWorker } from "./messages.js";

export interface CampaignRunSetup {
  readonly tasks: readonly LbsimTask[];
  readonly total: number;
  readonly skipped: number;
  readonly workers: number;
  readonly url: URL;
  readonly clock: Clock;
  readonly signal: AbortSignal | undefined;
  readonly onRun: ((run: LbsimRun) => void) | undefined;
  readonly onProgress: ((progress: LbsimProgress) => void) | undefined;
}

export class CampaignRun {
  private readonly startS: number;
  private readonly workers: Worker[] = [];
  private readonly inFlight = new Map<Worker, LbsimTask>();
  private readonly runs: LbsimRun[] = [];
  private readonly failures: LbsimFailure[] = [];
  private readonly recentMs: number[] = [];
  private next = 0;
  private completed = 0;
  private settled = false;
  private resolve: (result: LbsimCampaignResult) => void = () => undefined;
  private reject: (error: unknown) => void = () => undefined;
  private readonly onAbort = () => this.finish("cancelled");

  constructor(private readonly setup: CampaignRunSetup) {
    this.startS = setup.clock.monotonicS();
  }

  start(): Promise<LbsimCampaignResult> {
    return new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      this.setup.signal?.addEventListener("abort", this.onAbort, { once: true });
      try {
        for (let index = 0; index < Math.min(this.setup.workers, this.setup.tasks.length); index += 1) this.spawn();
      } catch (error) {
        void this.crash(error);
      }
    });
  }

  private spawn(): void {
    const worker = new Worker(this.setup.url);
    this.workers.push(worker);
    worker.on("message", (message: FromWorker) => this.receive(worker, message));
    worker.on("error", (error: Error) => void this.crash(this.workerError(`raised an uncaught error: ${error.message}`, error)));
    worker.on("messageerror", (error: Error) => void this.crash(this.workerError(`sent a message that could not be read: ${error.message}`, error)));
    worker.on("exit", (exitCode: number) => {
      if (!this.settled) void this.crash(this.workerError(`exited unexpectedly with code ${exitCode}`, undefined));
    });
    this.dispatch(worker);
  }

  private workerError(what: string, cause: unknown): TestbenchError {
    return new TestbenchError(LBSIM_ERROR_CODES.workerFailed, `lbsim worker thread ${what}; the campaign stopped and every worker was terminated.`, { cause });
  }

  private dispatch(worker: Worker): void {
    const task = this.setup.tasks[this.next];
    if (task === undefined) return;
    this.next += 1;
    this.inFlight.set(worker, task);
    const message: ToWorker = { type: "run", task };
    worker.postMessage(message);
  }

  private receive(worker: Worker, message: FromWorker): void {
    const task = this.inFlight.get(worker);
    if (task === undefined || this.settled) return;
    this.inFlight.delete(worker);
    const where = { scenario: task.scenario, algorithm: task.algorithm, replication: task.replication, seed: task.seed };
    try {
      if (message.type === "result") {
        const run: LbsimRun = Object.freeze({ ...where, metrics: message.metrics, wallMs: message.wallMs });
        this.runs[task.index] = run;
        this.completed += 1;
        this.recentMs.push(message.wallMs);
        this.setup.onRun?.(run);
      } else {
        this.failures.push(Object.freeze({ ...where, code: message.code, message: message.message }));
      }
      this.setup.onProgress?.(this.progress(where));
    } catch (error) {
      void this.crash(error);
      return;
    }
    this.dispatch(worker);
    if (this.inFlight.size === 0) this.finish("done");
  }

  private progress(last: LbsimProgress["last"]): LbsimProgress {
    const remaining = this.setup.tasks.length - this.completed - this.failures.length;
    return Object.freeze({
      total: this.setup.total,
      completed: this.completed,
      failed: this.failures.length,
      skipped: this.setup.skipped,
      running: this.inFlight.size,
      elapsedMs: (this.setup.clock.monotonicS() - this.startS) * 1000,
      etaMs: estimateRemainingMs(remaining, this.recentMs, this.setup.workers),
      last,
    });
  }

  private finish(ended: LbsimCampaignResult["ended"]): void {
    if (this.settled) return;
    this.settle();
    const result: LbsimCampaignResult = Object.freeze({
      runs: this.runs.filter((run) => run !== undefined),
      failures: this.failures,
      skipped: this.setup.skipped,
      ended,
      wallMs: (this.setup.clock.monotonicS() - this.startS) * 1000,
    });
    void this.terminateAll().then(() => this.resolve(result));
  }

  private async crash(error: unknown): Promise<void> {
    if (this.settled) return;
    this.settle();
    await this.terminateAll();
    this.reject(error);
  }

  private settle(): void {
    this.settled = true;
    this.setup.signal?.removeEventListener("abort", this.onAbort);
  }

  private async terminateAll(): Promise<void> {
    this.inFlight.clear();
    await Promise.allSettled(this.workers.map((worker) => worker.terminate()));
  }
}
