/** Converters for the stream control messages and single samples (proto/testbench/v1/streams.proto). */
import { readBigInt, readEnum, readNumber, readSafeInteger, readString, readStringMap } from "./decoded-fields.js";
import { countToProto, toProtoInt64 } from "./int64.js";
import type { BodyCodecs } from "./proto-types.js";
import { streamKindByName, streamKindToProto } from "./stream-enums.js";
import { actionEventFromProto, actionEventToProto, iperfIntervalFromProto, iperfIntervalToProto } from "./stream-messages.js";

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
  iperfInterval: { toProto: iperfIntervalToProto, fromProto: iperfIntervalFromProto },
  actionEvent: { toProto: actionEventToProto, fromProto: actionEventFromProto },
};
