/** Converters for the stream messages (proto/testbench/v1/streams.proto). */
import { readBigInt, readBool, readEnum, readNumber, readSafeInteger, readString, readStringMap } from "./decoded-fields.js";
import { countToProto, toProtoInt64 } from "./int64.js";
import type { BodyCodecs, testbench } from "./proto-types.js";
import { enumValues } from "./schema.js";
import type { ActionPhase, StreamKind } from "./types.js";

const streamKindByName: Readonly<Record<string, StreamKind>> = Object.freeze({
  STREAM_KIND_UNSPECIFIED: "unspecified",
  STREAM_KIND_POWER: "power",
  STREAM_KIND_IPERF: "iperf",
  STREAM_KIND_ACTION: "action",
});

const actionPhaseByName: Readonly<Record<string, ActionPhase>> = Object.freeze({
  ACTION_PHASE_UNSPECIFIED: "unspecified",
  ACTION_PHASE_STARTED: "started",
  ACTION_PHASE_FINISHED: "finished",
  ACTION_PHASE_FAILED: "failed",
});

const streamKindValues = enumValues("StreamKind");
const actionPhaseValues = enumValues("ActionPhase");

function streamKindToProto(kind: StreamKind): testbench.v1.StreamKind {
  return (streamKindValues[`STREAM_KIND_${kind.toUpperCase()}`] ?? 0) as testbench.v1.StreamKind;
}

function actionPhaseToProto(phase: ActionPhase): testbench.v1.ActionPhase {
  return (actionPhaseValues[`ACTION_PHASE_${phase.toUpperCase()}`] ?? 0) as testbench.v1.ActionPhase;
}

type StreamKinds = "streamStart" | "streamStarted" | "streamStop" | "streamStopped" | "powerSample" | "iperfInterval" | "actionEvent";

export const streamCodecs: BodyCodecs<StreamKinds> = {
  streamStart: {
    toProto: (value) => ({ streamId: value.streamId, kind: streamKindToProto(value.kind), source: value.source, arguments: { ...value.arguments } }),
    fromProto: (source) =>
      Object.freeze({
        streamId: readString(source, "streamId"),
        kind: readEnum(source, "kind", streamKindByName, "unspecified"),
        source: readString(source, "source"),
        arguments: readStringMap(source, "arguments"),
      }),
  },
  streamStarted: {
    toProto: (value) => ({ streamId: value.streamId, startedUnixNs: toProtoInt64(value.startedUnixNs, false) }),
    fromProto: (source) => Object.freeze({ streamId: readString(source, "streamId"), startedUnixNs: readBigInt(source, "startedUnixNs") }),
  },
  streamStop: {
    toProto: (value) => ({ streamId: value.streamId }),
    fromProto: (source) => Object.freeze({ streamId: readString(source, "streamId") }),
  },
  streamStopped: {
    toProto: (value) => ({ streamId: value.streamId, samplesSent: countToProto(value.samplesSent, "samplesSent") }),
    fromProto: (source) => Object.freeze({ streamId: readString(source, "streamId"), samplesSent: readSafeInteger(source, "samplesSent") }),
  },
  powerSample: {
    toProto: (value) => ({ streamId: value.streamId, atUnixNs: toProtoInt64(value.atUnixNs, false), channel: value.channel, powerW: value.powerW }),
    fromProto: (source) =>
      Object.freeze({
        streamId: readString(source, "streamId"),
        atUnixNs: readBigInt(source, "atUnixNs"),
        channel: readString(source, "channel"),
        powerW: readNumber(source, "powerW"),
      }),
  },
  iperfInterval: {
    toProto: (value) => ({
      streamId: value.streamId,
      startS: value.startS,
      endS: value.endS,
      bytes: countToProto(value.bytes, "bytes"),
      rateBps: value.rateBps,
      packets: countToProto(value.packets, "packets"),
      lostPackets: countToProto(value.lostPackets, "lostPackets"),
      jitterMs: value.jitterMs,
      retransmits: countToProto(value.retransmits, "retransmits"),
      omitted: value.omitted,
    }),
    fromProto: (source) =>
      Object.freeze({
        streamId: readString(source, "streamId"),
        startS: readNumber(source, "startS"),
        endS: readNumber(source, "endS"),
        bytes: readSafeInteger(source, "bytes"),
        rateBps: readNumber(source, "rateBps"),
        packets: readSafeInteger(source, "packets"),
        lostPackets: readSafeInteger(source, "lostPackets"),
        jitterMs: readNumber(source, "jitterMs"),
        retransmits: readSafeInteger(source, "retransmits"),
        omitted: readBool(source, "omitted"),
      }),
  },
  actionEvent: {
    toProto: (value) => ({
      streamId: value.streamId,
      atUnixNs: toProtoInt64(value.atUnixNs, false),
      action: value.action,
      phase: actionPhaseToProto(value.phase),
      exitCode: value.exitCode,
      detail: value.detail,
    }),
    fromProto: (source) =>
      Object.freeze({
        streamId: readString(source, "streamId"),
        atUnixNs: readBigInt(source, "atUnixNs"),
        action: readString(source, "action"),
        phase: readEnum(source, "phase", actionPhaseByName, "unspecified"),
        exitCode: readNumber(source, "exitCode"),
        detail: readString(source, "detail"),
      }),
  },
};
