/** Converters for RunActionRequest / RunActionResult. */
import { readBool, readEnum, readNumber, readString, readStringMap, type Decoded } from "./decoded-fields.js";
import type { BodyCodecs, testbench } from "./proto-types.js";
import { actionOutcomeByName, actionOutcomeToProto } from "./stream-enums.js";
import { actionEventFromProto, actionEventToProto, readOptionalMessage } from "./stream-messages.js";
import type { RunActionResult } from "./stream-types.js";

export function runActionResultToProto(value: RunActionResult): testbench.v1.IRunActionResult {
  return {
    runId: value.runId,
    action: value.action,
    outcome: actionOutcomeToProto(value.outcome),
    ...(value.started ? { started: actionEventToProto(value.started) } : {}),
    ...(value.ended ? { ended: actionEventToProto(value.ended) } : {}),
    httpStatus: value.httpStatus,
    stdout: value.stdout,
    stderr: value.stderr,
    outputTruncated: value.outputTruncated,
  };
}

export function runActionResultFromProto(source: Decoded): RunActionResult {
  return Object.freeze({
    runId: readString(source, "runId"),
    action: readString(source, "action"),
    outcome: readEnum(source, "outcome", actionOutcomeByName, "unspecified"),
    started: readOptionalMessage(source, "started", actionEventFromProto),
    ended: readOptionalMessage(source, "ended", actionEventFromProto),
    httpStatus: readNumber(source, "httpStatus"),
    stdout: readString(source, "stdout"),
    stderr: readString(source, "stderr"),
    outputTruncated: readBool(source, "outputTruncated"),
  });
}

export const actionCodecs: BodyCodecs<"runActionRequest" | "runActionResult"> = {
  runActionRequest: {
    toProto: (value) => ({ runId: value.runId, action: value.action, parameters: { ...value.parameters } }),
    fromProto: (source) =>
      Object.freeze({ runId: readString(source, "runId"), action: readString(source, "action"), parameters: readStringMap(source, "parameters") }),
  },
  runActionResult: { toProto: runActionResultToProto, fromProto: runActionResultFromProto },
};
