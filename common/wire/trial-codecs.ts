/** Converters for RunTrialRequest / RunTrialResult (proto/testbench/v1/trial.proto). */
import { readArray, readBool, readNumber, readNumberArray, readSafeInteger, readString, type Decoded } from "./decoded-fields.js";
import { countToProto } from "./int64.js";
import type { BodyCodecs } from "./proto-types.js";
import type { DirectionResult } from "./types.js";
import { malformed } from "./wire-error.js";

function directionFromProto(item: unknown): DirectionResult {
  if (typeof item !== "object" || item === null) throw malformed("a direction of RunTrialResult is not a message", "directions");
  const source = item as Decoded;
  return Object.freeze({
    txPort: readNumber(source, "txPort"),
    rxPort: readNumber(source, "rxPort"),
    intendedCount: readSafeInteger(source, "intendedCount"),
    txPackets: readSafeInteger(source, "txPackets"),
    rxPackets: readSafeInteger(source, "rxPackets"),
    negativeLoss: readBool(source, "negativeLoss"),
    unsent: readBool(source, "unsent"),
  });
}

export const trialCodecs: BodyCodecs<"runTrialRequest" | "runTrialResult"> = {
  runTrialRequest: {
    toProto: (value) => ({
      trialId: value.trialId,
      durationS: value.durationS,
      loadPps: value.loadPps,
      frameSizeBytes: value.frameSizeBytes,
      ports: [...value.ports],
      bidirectional: value.bidirectional,
    }),
    fromProto: (source) =>
      Object.freeze({
        trialId: readString(source, "trialId"),
        durationS: readNumber(source, "durationS"),
        loadPps: readNumber(source, "loadPps"),
        frameSizeBytes: readNumber(source, "frameSizeBytes"),
        ports: readNumberArray(source, "ports"),
        bidirectional: readBool(source, "bidirectional"),
      }),
  },
  runTrialResult: {
    toProto: (value) => ({
      trialId: value.trialId,
      directions: value.directions.map((direction) => ({
        txPort: direction.txPort,
        rxPort: direction.rxPort,
        intendedCount: countToProto(direction.intendedCount, "intendedCount"),
        txPackets: countToProto(direction.txPackets, "txPackets"),
        rxPackets: countToProto(direction.rxPackets, "rxPackets"),
        negativeLoss: direction.negativeLoss,
        unsent: direction.unsent,
      })),
      offeredDurationS: value.offeredDurationS,
      durationWithOverheadsS: value.durationWithOverheadsS,
    }),
    fromProto: (source) =>
      Object.freeze({
        trialId: readString(source, "trialId"),
        directions: Object.freeze(readArray(source, "directions").map(directionFromProto)),
        offeredDurationS: readNumber(source, "offeredDurationS"),
        durationWithOverheadsS: readNumber(source, "durationWithOverheadsS"),
      }),
  },
};
