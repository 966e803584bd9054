/** Where the PLRsearch integrator's worker script is (controller/workers/worker-script.ts). */
import { PLR_ERROR_CODES } from "../search/plr/errors.js";
import { existingWorkerUrl, siblingWorkerUrl } from "../workers/worker-script.js";

/** The worker script for a module at `moduleUrl` (this module's own URL by default). */
export function workerScriptUrl(moduleUrl: string = import.meta.url): URL {
  return siblingWorkerUrl(moduleUrl, "controller/plr-workers");
}

/** The URL, once a file: URL is known to exist; PLR_WORKER_SCRIPT_MISSING otherwise. */
export function checkWorkerScript(url: URL): URL {
  return existingWorkerUrl(url, PLR_ERROR_CODES.workerScriptMissing, "PLRsearch integrator");
}
