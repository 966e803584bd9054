/** The load-balancing simulator's campaign runner on worker threads (for the CLI and the orchestrator). */
export type { LbsimCampaignOptions } from "./pool.js";
export { MAX_WORKERS, runLbsimCampaign } from "./pool.js";
export { checkWorkerScript, workerScriptUrl } from "./worker-url.js";
