/** RunTrialRequest -> GeneratorTrialRequest, refusing out-of-range fields with TRIAL_INVALID naming the field. */
import { TestbenchError, quote } from "../../common/errors.js";
import { FailureCode } from "../../common/wire/failure-codes.js";
import type { RunTrialRequest } from "../../common/wire/types.js";
import type { GeneratorTrialRequest } from "../drivers/traffic-generator.js";

export interface TrialDefaults {
  readonly frameSizeBytes: number;
  /** The ports this agent's generator has; a request may only name these. */
  readonly ports: readonly number[];
  readonly frameSizeRangeBytes: { readonly min: number; readonly max: number };
}

/** Longest trial the agent accepts, seconds (one day). */
export const MAX_TRIAL_DURATION_S = 86_400;

function invalid(field: string, problem: string, value: unknown, trialId: string): TestbenchError {
  return new TestbenchError(FailureCode.trialInvalid, `RunTrialRequest.${field} ${problem}, got ${quote(value)}`, {
    context: { field, trialId },
  });
}

function checkPorts(request: RunTrialRequest, defaults: TrialDefaults): readonly number[] {
  if (request.ports.length === 0) return defaults.ports;
  const { ports, trialId } = request;
  if (ports.length % 2 !== 0) throw invalid("ports", "must list ports in (tx, rx) pairs", ports, trialId);
  const unknown = ports.find((port) => !defaults.ports.includes(port));
  if (unknown !== undefined) {
    throw invalid("ports", `names unknown port ${unknown} (this agent's ports: [${defaults.ports.join(", ")}])`, ports, trialId);
  }
  if (new Set(ports).size !== ports.length) throw invalid("ports", "must not repeat a port", ports, trialId);
  return ports;
}

export function validateTrialRequest(request: RunTrialRequest, defaults: TrialDefaults): GeneratorTrialRequest {
  const { trialId } = request;
  if (trialId.length === 0 || trialId.length > 200) throw invalid("trial_id", "must be 1 to 200 characters", trialId, trialId);
  const { durationS, loadPps } = request;
  if (!Number.isFinite(durationS) || durationS <= 0 || durationS > MAX_TRIAL_DURATION_S) {
    throw invalid("duration_s", `must be a number of seconds in (0, ${MAX_TRIAL_DURATION_S}]`, durationS, trialId);
  }
  if (!Number.isFinite(loadPps) || loadPps <= 0) throw invalid("load_pps", "must be a finite number of packets per second > 0", loadPps, trialId);
  if (!Number.isSafeInteger(Math.ceil(loadPps * durationS))) {
    throw invalid("load_pps", `times duration_s ${durationS} must stay below 2^53 packets`, loadPps, trialId);
  }
  const { min, max } = defaults.frameSizeRangeBytes;
  const frameSizeBytes = request.frameSizeBytes === 0 ? defaults.frameSizeBytes : request.frameSizeBytes;
  if (!Number.isInteger(frameSizeBytes) || frameSizeBytes < min || frameSizeBytes > max) {
    throw invalid("frame_size_bytes", `must be 0 (the agent's default) or an integer in [${min}, ${max}]`, request.frameSizeBytes, trialId);
  }
  return Object.freeze({ durationS, loadPps, frameSizeBytes, ports: checkPorts(request, defaults), bidirectional: request.bidirectional });
}
