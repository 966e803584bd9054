/** Converters for the stream messages that also appear nested in others (IperfInterval, ActionEvent). */
import { readBigInt, readBool, readEnum, readNumber, readSafeInteger, readString, type Decoded } from "./decoded-fields.js";
import { countToProto, toProtoInt64 } from "./int64.js";
import type { testbench } from "./proto-types.js";
import { actionPhaseByName, actionPhaseToProto } from "./stream-enums.js";
import type { ActionEvent, IperfInterval } from "./stream-types.js";
import { malformed } from "./wire-error.js";

export function iperfIntervalToProto(value: IperfInterval): testbench.v1.IIperfInterval {
  return {
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
    atUnixNs: toProtoInt64(value.atUnixNs, false),
    sender: value.sender,
    rttMs: value.rttMs,
  };
}

export function iperfIntervalFromProto(source: Decoded): IperfInterval {
  return Object.freeze({
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
    atUnixNs: readBigInt(source, "atUnixNs"),
    sender: readBool(source, "sender"),
    rttMs: readNumber(source, "rttMs"),
  });
}

export function actionEventToProto(value: ActionEvent): testbench.v1.IActionEvent {
  return {
    streamId: value.streamId,
    atUnixNs: toProtoInt64(value.atUnixNs, false),
    action: value.action,
    phase: actionPhaseToProto(value.phase),
    exitCode: value.exitCode,
    detail: value.detail,
  };
}

export function actionEventFromProto(source: Decoded): ActionEvent {
  return Object.freeze({
    streamId: readString(source, "streamId"),
    atUnixNs: readBigInt(source, "atUnixNs"),
    action: readString(source, "action"),
    phase: readEnum(source, "phase", actionPhaseByName, "unspecified"),
    exitCode: readNumber(source, "exitCode"),
    detail: readString(source, "detail"),
  });
}

/** A nested message field: undefined when absent (toObject gives null). */
export function readOptionalMessage<T>(source: Decoded, field: string, convert: (nested: Decoded) => T): T | undefined {
  const value = source[field];
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw malformed(`field ${field} is not a message`, field);
  return convert(value as Decoded);
}

/** Each element of a repeated message field. */
export function readMessageArray<T>(items: readonly unknown[], field: string, convert: (nested: Decoded) => T): readonly T[] {
  return Object.freeze(
    items.map((item) => {
      if (typeof item !== "object" || item === null) throw malformed(`an element of ${field} is not a message`, field);
      return convert(item as Decoded);
    }),
  );
}
