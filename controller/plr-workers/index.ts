/** PLRsearch's integrator on worker threads, and the search run on them (for the CLI). */
export type { WorkerPoolIntegrator, WorkerPoolOptions } from "./pool.js";
export { createWorkerPoolIntegrator, DEFAULT_BOOT_TIMEOUT_S, DEFAULT_STOP_TIMEOUT_S } from "./pool.js";
export type { PlrOnWorkersParams } from "./run.js";
export { runPlrSearchOnWorkers } from "./run.js";
export { checkWorkerScript, workerScriptUrl } from "./worker-url.js";
