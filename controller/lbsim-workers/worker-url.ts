/** Where the lbsim worker script is (controller/workers/worker-script.ts). */
import { LBSIM_ERROR_CODES } from "../lbsim/errors.js";
import { existingWorkerUrl, siblingWorkerUrl } from "../workers/worker-script.js";

/** The worker script for a module at `moduleUrl` (this module's own URL by default). */
export function workerScriptUrl(moduleUrl: string = import.meta.url): URL {
  return siblingWorkerUrl(moduleUrl, "controller/lbsim-workers");
}

/** The URL, once a file: URL is known to exist; LBSIM_WORKER_SCRIPT_MISSING otherwise. */
export function checkWorkerScript(url: URL): URL {
  return existingWorkerUrl(url, LBSIM_ERROR_CODES.workerScriptMissing, "lbsim");
}
