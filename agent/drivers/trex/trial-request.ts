import { quote, ValidationError } from "../../../common/errors.js";
import type { GeneratorTrialRequest } from "../traffic-generator.js";
import { maxFrameSizeBytes, minFrameSizeBytes } from "./udp-frame.js";

/**
 * Checks a trial request before anything is sent. Failures are ValidationError TRIAL_INVALID with
 * the field in context. `ports` lists port pairs: [0, 1] drives 0 -> 1 (and 1 -> 0 when
 * bidirectional); [0, 1, 2, 3] adds the pair 2 <-> 3.
 */

export interface TrialDirection {
  readonly txPort: number;
  readonly rxPort: number;
}

function invalid(field: string, value: unknown, expected: string): ValidationError {
  return new ValidationError("TRIAL_INVALID", `Trial field ${field} must be ${expected}, got ${quote(value)}`, { context: { field } });
}

export function validateTrial(request: GeneratorTrialRequest): void {
  const { durationS, loadPps, frameSizeBytes, ports } = request;
  if (typeof durationS !== "number" || !Number.isFinite(durationS) || durationS <= 0) throw invalid("durationS", durationS, "a finite number of seconds > 0");
  if (typeof loadPps !== "number" || !Number.isFinite(loadPps) || loadPps <= 0) throw invalid("loadPps", loadPps, "a finite packet rate > 0");
  if (!Number.isInteger(frameSizeBytes) || frameSizeBytes < minFrameSizeBytes || frameSizeBytes > maxFrameSizeBytes) {
    throw invalid("frameSizeBytes", frameSizeBytes, `an integer from ${minFrameSizeBytes} to ${maxFrameSizeBytes}`);
  }
  if (!Array.isArray(ports) || ports.length === 0 || ports.length % 2 !== 0) throw invalid("ports", ports, "a non-empty list of port pairs, e.g. [0, 1]");
  if (!ports.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) || new Set(ports).size !== ports.length) {
    throw invalid("ports", ports, "distinct port numbers from 0 to 255");
  }
  if (typeof request.bidirectional !== "boolean") throw invalid("bidirectional", request.bidirectional, "true or false");
}

/** The ports must exist on the traffic generator (TRex reports its port count). */
export function validatePortsExist(ports: readonly number[], portCount: number): void {
  const unknown = ports.find((p) => p >= portCount);
  if (unknown !== undefined) {
    throw new ValidationError("TRIAL_INVALID", `Trial field ports names port ${unknown}, but the traffic generator has ports 0 to ${portCount - 1}`, {
      context: { field: "ports", port: unknown, portCount },
    });
  }
}

export function trialDirections(request: GeneratorTrialRequest): TrialDirection[] {
  const out: TrialDirection[] = [];
  for (let i = 0; i + 1 < request.ports.length; i += 2) {
    const a = request.ports[i] as number;
    const b = request.ports[i + 1] as number;
    out.push({ txPort: a, rxPort: b });
    if (request.bidirectional) out.push({ txPort: b, rxPort: a });
  }
  return out;
}
