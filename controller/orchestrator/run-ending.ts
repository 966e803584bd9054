import { isTestbenchError } from "../../common/errors.js";
import type { Logger } from "../../common/logger.js";
import type { RunRecord, Store } from "../store/index.js";

export type RunEnding = "succeeded" | "failed" | "interrupted";

/**
 * A run's search ended with an error: interrupted when the campaign is stopping (Ctrl-C),
 * else failed with the error's code. Store errors are re-raised: the campaign cannot go on.
 */
export function endRunOnError(store: Store, run: RunRecord, error: unknown, stop: AbortSignal, logger: Logger): RunEnding {
  if (stop.aborted) {
    store.markRunInterrupted(run.id);
    logger.warn({}, "run interrupted; `testbench run` on the same file resumes it");
    return "interrupted";
  }
  logger.error({ err: error }, "run failed");
  store.markRunFailed(run.id, { code: isTestbenchError(error) ? error.code : "RUN_INTERNAL", message: error instanceof Error ? error.message : String(error) });
  if (isTestbenchError(error) && error.code.startsWith("STORE_")) throw error;
  return "failed";
}
