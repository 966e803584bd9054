import type { VirtualClock } from "../../common/clock.js";
import type { Measurer, TrialRequest, TrialResult } from "../search/measurer.js";

/**
 * Moves a virtual clock by each trial's effective duration, so that a search over a
 * simulated or replayed device counts its time budget in effective trial seconds.
 */
export function withVirtualTime(measurer: Measurer, clock: VirtualClock): Measurer {
  return {
    async measure(request: TrialRequest, signal?: AbortSignal): Promise<TrialResult> {
      const result = await measurer.measure(request, signal);
      clock.advance(result.durationWithOverheadsS);
      return result;
    },
  };
}
