/** A generator's trial outcome as the wire's RunTrialResult, with the per-direction flags. */
import type { RunTrialResult } from "../../common/wire/types.js";
import type { GeneratorTrialOutcome } from "../drivers/traffic-generator.js";

export function toRunTrialResult(trialId: string, outcome: GeneratorTrialOutcome): RunTrialResult {
  return Object.freeze({
    trialId,
    directions: Object.freeze(
      outcome.directions.map((direction) =>
        Object.freeze({
          txPort: direction.txPort,
          rxPort: direction.rxPort,
          intendedCount: direction.intendedCount,
          txPackets: direction.txPackets,
          rxPackets: direction.rxPackets,
          negativeLoss: direction.rxPackets > direction.txPackets,
          unsent: direction.intendedCount > direction.txPackets,
        }),
      ),
    ),
    offeredDurationS: outcome.offeredDurationS,
    durationWithOverheadsS: outcome.durationWithOverheadsS,
  });
}
