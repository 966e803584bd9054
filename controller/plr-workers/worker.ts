/**
 * Entry of an integrator worker thread (compiled to dist/controller/plr-workers/worker.js). It
 * waits for a job, runs it synchronously, checking the shared stop slot before every sample and
 * publishing its sample count, then posts the estimate (timed on this thread) or the failure,
 * and waits for the next job. Stays alive across trials until the pool terminates it.
 */
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { runIntegration } from "../search/plr/integration.js";
import type { FromWorker, ToWorker, WorkerInit } from "./messages.js";
import { CONTROL_PROGRESS, CONTROL_READY, CONTROL_STOP_JOB, serializeError } from "./messages.js";

const port = parentPort;
if (port === null) throw new Error("controller/plr-workers/worker.js is a worker thread entry; the pool starts it");
const control = new Int32Array((workerData as WorkerInit).control);

function run(message: ToWorker): FromWorker {
  const { jobId, job } = message;
  const startMs = performance.now();
  try {
    const estimate = runIntegration(job, {
      shouldStop(samplesSoFar: number): boolean {
        Atomics.store(control, CONTROL_PROGRESS, samplesSoFar | 0);
        return Atomics.load(control, CONTROL_STOP_JOB) === jobId;
      },
    });
    return { type: "estimate", jobId, estimate: { ...estimate, busyS: (performance.now() - startMs) / 1000 } };
  } catch (error) {
    return { type: "failed", jobId, error: serializeError(error) };
  }
}

port.on("message", (message: ToWorker) => {
  port.postMessage(run(message));
});
Atomics.store(control, CONTROL_READY, 1);
