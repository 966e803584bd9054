/**
 * PLRsearch's error codes (listed in docs/plrsearch.md). Option errors reuse the search-wide
 * SEARCH_OPTION_* codes; these are the integrator's own.
 */
import type { ErrorContext } from "../../../common/errors.js";
import { TestbenchError } from "../../../common/errors.js";

export const PLR_ERROR_CODES = Object.freeze({
  /** A fitting function, the likelihood or the focus covariance produced a non-finite or singular value. */
  numeric: "PLR_INTEGRATION_NUMERIC",
  /** An integrator computation failed (thrown in-thread, or reported by a worker thread). */
  integratorFailed: "PLR_INTEGRATOR_FAILED",
  /** A worker thread made no progress for the stop timeout after it was told to stop. */
  workerTimeout: "PLR_WORKER_TIMEOUT",
  /** A worker thread exited or raised an uncaught error. */
  workerFailed: "PLR_WORKER_FAILED",
  /** The compiled worker script is not where the pool looks for it. */
  workerScriptMissing: "PLR_WORKER_SCRIPT_MISSING",
  /** The integrator was used after close() or after a failure terminated it. */
  integratorClosed: "PLR_INTEGRATOR_CLOSED",
  /** start() for a fitting function whose previous computation was not stopped yet. */
  integratorBusy: "PLR_INTEGRATOR_BUSY",
});

/** A numeric failure inside one integrator sample, with the parameters that caused it. */
export function numericError(what: string, context: ErrorContext): TestbenchError {
  const where = Object.entries(context)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(", ");
  return new TestbenchError(
    PLR_ERROR_CODES.numeric,
    `PLRsearch integrator: ${what} (${where}). The estimate cannot be trusted; report this with the trial results.`,
    { context },
  );
}
