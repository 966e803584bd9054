/** The stream enums by name (decoded with `enums: String`) and back to their numbers. */
import type { testbench } from "./proto-types.js";
import { enumValues } from "./schema.js";
import type { ActionOutcome, ActionPhase, StreamEndReason, StreamKind } from "./stream-types.js";

export const streamKindByName: Readonly<Record<string, StreamKind>> = Object.freeze({
  STREAM_KIND_UNSPECIFIED: "unspecified",
  STREAM_KIND_POWER: "power",
  STREAM_KIND_IPERF: "iperf",
  STREAM_KIND_ACTION: "action",
});

export const actionPhaseByName: Readonly<Record<string, ActionPhase>> = Object.freeze({
  ACTION_PHASE_UNSPECIFIED: "unspecified",
  ACTION_PHASE_STARTED: "started",
  ACTION_PHASE_FINISHED: "finished",
  ACTION_PHASE_FAILED: "failed",
});

export const streamEndReasonByName: Readonly<Record<string, StreamEndReason>> = Object.freeze({
  STREAM_END_REASON_UNSPECIFIED: "unspecified",
  STREAM_END_REASON_DONE: "done",
  STREAM_END_REASON_STOPPED: "stopped",
  STREAM_END_REASON_FAILED: "failed",
});

export const actionOutcomeByName: Readonly<Record<string, ActionOutcome>> = Object.freeze({
  ACTION_OUTCOME_UNSPECIFIED: "unspecified",
  ACTION_OUTCOME_SUCCEEDED: "succeeded",
  ACTION_OUTCOME_FAILED: "failed",
  ACTION_OUTCOME_TIMED_OUT: "timed-out",
  ACTION_OUTCOME_CANCELLED: "cancelled",
});

function numberFor(byName: Readonly<Record<string, string>>, values: Readonly<Record<string, number>>, value: string): number {
  const name = Object.keys(byName).find((candidate) => byName[candidate] === value);
  return name === undefined ? 0 : (values[name] ?? 0);
}

const values = {
  streamKind: enumValues("StreamKind"),
  actionPhase: enumValues("ActionPhase"),
  streamEndReason: enumValues("StreamEndReason"),
  actionOutcome: enumValues("ActionOutcome"),
};

export function streamKindToProto(kind: StreamKind): testbench.v1.StreamKind {
  return numberFor(streamKindByName, values.streamKind, kind) as testbench.v1.StreamKind;
}

export function actionPhaseToProto(phase: ActionPhase): testbench.v1.ActionPhase {
  return numberFor(actionPhaseByName, values.actionPhase, phase) as testbench.v1.ActionPhase;
}

export function streamEndReasonToProto(reason: StreamEndReason): testbench.v1.StreamEndReason {
  return numberFor(streamEndReasonByName, values.streamEndReason, reason) as testbench.v1.StreamEndReason;
}

export function actionOutcomeToProto(outcome: ActionOutcome): testbench.v1.ActionOutcome {
  return numberFor(actionOutcomeByName, values.actionOutcome, outcome) as testbench.v1.ActionOutcome;
}
