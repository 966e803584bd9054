/**
 * Entry of an lbsim worker thread (compiled to dist/controller/lbsim-workers/worker.js): runs one
 * task at a time with the pure runner and posts its metrics and wall time, or the failure.
 */
import { performance } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import { isTestbenchError } from "../../common/errors.js";
import { LBSIM_ERROR_CODES } from "../lbsim/errors.js";
import { runScenarioReplication } from "../lbsim/run.js";
import type { FromWorker, ToWorker } from "./messages.js";

const port = parentPort;
if (port === null) throw new Error("controller/lbsim-workers/worker.js is a worker thread entry; runLbsimCampaign starts it");

function run(message: ToWorker): FromWorker {
  const { task } = message;
  const startMs = performance.now();
  try {
    const metrics = runScenarioReplication(task.config, task.seed);
    return { type: "result", index: task.index, metrics, wallMs: performance.now() - startMs };
  } catch (error) {
    return {
      type: "failed",
      index: task.index,
      code: isTestbenchError(error) ? error.code : LBSIM_ERROR_CODES.runFailed,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

port.on("message", (message: ToWorker) => port.postMessage(run(message)));
