/** Converters for Failure, the hellos and ping/pong (proto/testbench/v1/envelope.proto, session.proto). */
import { readBigInt, readBool, readNumber, readNumberArray, readString, readStringArray, readStringMap } from "./decoded-fields.js";
import { toProtoInt64 } from "./int64.js";
import type { BodyCodecs } from "./proto-types.js";

export const sessionCodecs: BodyCodecs<"failure" | "agentHello" | "controllerHello" | "ping" | "pong"> = {
  failure: {
    toProto: (value) => ({ code: value.code, message: value.message, retryable: value.retryable, context: { ...value.context } }),
    fromProto: (source) =>
      Object.freeze({
        code: readString(source, "code"),
        message: readString(source, "message"),
        retryable: readBool(source, "retryable"),
        context: readStringMap(source, "context"),
      }),
  },
  agentHello: {
    toProto: (value) => ({
      agentId: value.agentId,
      softwareVersion: value.softwareVersion,
      protocolVersion: value.protocolVersion,
      capabilities: [...value.capabilities],
      heartbeatIntervalS: value.heartbeatIntervalS,
      maxMessageBytes: value.maxMessageBytes,
      maxPendingRequests: value.maxPendingRequests,
      ports: [...value.ports],
    }),
    fromProto: (source) =>
      Object.freeze({
        agentId: readString(source, "agentId"),
        softwareVersion: readString(source, "softwareVersion"),
        protocolVersion: readNumber(source, "protocolVersion"),
        capabilities: readStringArray(source, "capabilities"),
        heartbeatIntervalS: readNumber(source, "heartbeatIntervalS"),
        maxMessageBytes: readNumber(source, "maxMessageBytes"),
        maxPendingRequests: readNumber(source, "maxPendingRequests"),
        ports: readNumberArray(source, "ports"),
      }),
  },
  controllerHello: {
    toProto: (value) => ({ controllerId: value.controllerId, softwareVersion: value.softwareVersion, protocolVersion: value.protocolVersion }),
    fromProto: (source) =>
      Object.freeze({
        controllerId: readString(source, "controllerId"),
        softwareVersion: readString(source, "softwareVersion"),
        protocolVersion: readNumber(source, "protocolVersion"),
      }),
  },
  ping: {
    toProto: (value) => ({ t1UnixNs: toProtoInt64(value.t1UnixNs, false) }),
    fromProto: (source) => Object.freeze({ t1UnixNs: readBigInt(source, "t1UnixNs") }),
  },
  pong: {
    toProto: (value) => ({
      t1UnixNs: toProtoInt64(value.t1UnixNs, false),
      t2UnixNs: toProtoInt64(value.t2UnixNs, false),
      t3UnixNs: toProtoInt64(value.t3UnixNs, false),
    }),
    fromProto: (source) =>
      Object.freeze({
        t1UnixNs: readBigInt(source, "t1UnixNs"),
        t2UnixNs: readBigInt(source, "t2UnixNs"),
        t3UnixNs: readBigInt(source, "t3UnixNs"),
      }),
  },
};
