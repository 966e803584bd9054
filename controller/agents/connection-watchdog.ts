/**
 * Client-side liveness: the agent pings every heartbeat interval, so a connection that has been
 * silent (no ping, no message) for SILENCE_LIMIT intervals is dead and gets terminated.
 */
import type { Clock } from "../../common/clock.js";

export const SILENCE_LIMIT_INTERVALS = 2.5;

export interface WatchdogOptions {
  readonly heartbeatIntervalS: number;
  readonly clock: Clock;
  /** Seconds on clock.monotonicS() when the agent was last heard from. */
  readonly lastHeardS: () => number;
  readonly onSilent: (silentS: number) => void;
  readonly signal: AbortSignal;
}

export function watchConnection(options: WatchdogOptions): void {
  const { clock, heartbeatIntervalS, signal } = options;
  const limitS = heartbeatIntervalS * SILENCE_LIMIT_INTERVALS;
  const loop = async (): Promise<void> => {
    while (!signal.aborted) {
      await clock.sleep(heartbeatIntervalS, signal);
      const silentS = clock.monotonicS() - options.lastHeardS();
      if (silentS > limitS) {
        options.onSilent(silentS);
        return;
      }
    }
  };
  loop().catch(() => {
    // Aborted: the connection closed.
  });
}
