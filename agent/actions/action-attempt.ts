/** What running one action produced, before it becomes events and a RunActionResult. */
import type { ActionOutcome } from "../../common/wire/types.js";

export interface ActionAttempt {
  readonly outcome: Exclude<ActionOutcome, "unspecified">;
  /** Command exit status; -1 when not a command or it did not exit normally. */
  readonly exitCode: number;
  /** HTTP status; 0 when not HTTP or no response came. */
  readonly httpStatus: number;
  /** For the ended event, e.g. "exit 0", "HTTP 503", "timed out after 5 s". */
  readonly detail: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputTruncated: boolean;
}

/** A signal that aborts after `timeoutS` on the given sleep, or when `parent` aborts; `timedOut` tells which. */
export interface Deadline {
  readonly signal: AbortSignal;
  readonly timedOut: () => boolean;
  readonly clear: () => void;
}

export function createDeadline(timeoutS: number, parent: AbortSignal, sleep: (durationS: number, signal: AbortSignal) => Promise<void>): Deadline {
  const timer = new AbortController();
  const expired = new AbortController();
  let fired = false;
  sleep(timeoutS, timer.signal).then(
    () => {
      fired = true;
      expired.abort(new Error(`timed out after ${timeoutS} s`));
    },
    () => undefined,
  );
  return { signal: AbortSignal.any([parent, expired.signal]), timedOut: () => fired, clear: () => timer.abort() };
}
