import type { Logger } from "../../common/logger.js";

/** What a command needs from the process: output streams, the Ctrl-C signal, the root logger. */
export interface CliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** A person is watching (stderr is a terminal): show progress. */
  readonly interactive: boolean;
}

/** Exit codes: 0 done, 1 the run failed (search error, agent down, ...), 2 bad usage or input. */
export const exitCodes = Object.freeze({ ok: 0, failed: 1, usage: 2, interrupted: 130 });
