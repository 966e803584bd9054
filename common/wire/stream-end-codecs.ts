/** Converters for PowerSampleBatch and StreamEnded (with its per-kind summaries). */
import { readArray, readBigInt, readEnum, readNumber, readSafeInteger, readString, readStringArray, type Decoded } from "./decoded-fields.js";
import { countToProto, toProtoInt64 } from "./int64.js";
import type { BodyCodecs, testbench } from "./proto-types.js";
import { sessionCodecs } from "./session-codecs.js";
import { runActionResultFromProto, runActionResultToProto } from "./action-codecs.js";
import { streamEndReasonByName, streamEndReasonToProto } from "./stream-enums.js";
import { iperfIntervalFromProto, iperfIntervalToProto, readMessageArray, readOptionalMessage } from "./stream-messages.js";
import type { IperfReport, PowerGap, PowerReading, PowerTotals } from "./stream-types.js";

function readingFromProto(source: Decoded): PowerReading {
  return Object.freeze({ atUnixNs: readBigInt(source, "atUnixNs"), channel: readString(source, "channel"), powerW: readNumber(source, "powerW") });
}

function gapFromProto(source: Decoded): PowerGap {
  return Object.freeze({
    fromUnixNs: readBigInt(source, "fromUnixNs"),
    toUnixNs: readBigInt(source, "toUnixNs"),
    failedReads: readSafeInteger(source, "failedReads"),
    code: readString(source, "code"),
    message: readString(source, "message"),
  });
}

function totalsToProto(value: PowerTotals): testbench.v1.IPowerTotals {
  return {
    samples: countToProto(value.samples, "samples"),
    lateSamples: countToProto(value.lateSamples, "lateSamples"),
    droppedSamples: countToProto(value.droppedSamples, "droppedSamples"),
    failedReads: countToProto(value.failedReads, "failedReads"),
  };
}

function totalsFromProto(source: Decoded): PowerTotals {
  return Object.freeze({
    samples: readSafeInteger(source, "samples"),
    lateSamples: readSafeInteger(source, "lateSamples"),
    droppedSamples: readSafeInteger(source, "droppedSamples"),
    failedReads: readSafeInteger(source, "failedReads"),
  });
}

function reportToProto(value: IperfReport): testbench.v1.IIperfReport {
  return {
    version: value.version,
    outputMode: value.outputMode,
    exitCode: value.exitCode,
    signal: value.signal,
    ...(value.sent ? { sent: iperfIntervalToProto(value.sent) } : {}),
    ...(value.received ? { received: iperfIntervalToProto(value.received) } : {}),
    resultJson: value.resultJson,
    resultText: value.resultText,
    serverOutputText: value.serverOutputText,
    serverOutputJson: value.serverOutputJson,
    warnings: [...value.warnings],
    error: value.error,
  };
}

function reportFromProto(source: Decoded): IperfReport {
  return Object.freeze({
    version: readString(source, "version"),
    outputMode: readString(source, "outputMode"),
    exitCode: readNumber(source, "exitCode"),
    signal: readString(source, "signal"),
    sent: readOptionalMessage(source, "sent", iperfIntervalFromProto),
    received: readOptionalMessage(source, "received", iperfIntervalFromProto),
    resultJson: readString(source, "resultJson"),
    resultText: readString(source, "resultText"),
    serverOutputText: readString(source, "serverOutputText"),
    serverOutputJson: readString(source, "serverOutputJson"),
    warnings: readStringArray(source, "warnings"),
    error: readString(source, "error"),
  });
}

export const streamEndCodecs: BodyCodecs<"powerSampleBatch" | "streamEnded"> = {
  powerSampleBatch: {
    toProto: (value) => ({
      streamId: value.streamId,
      samples: value.samples.map((sample) => ({ atUnixNs: toProtoInt64(sample.atUnixNs, false), channel: sample.channel, powerW: sample.powerW })),
      gaps: value.gaps.map((gap) => ({
        fromUnixNs: toProtoInt64(gap.fromUnixNs, false),
        toUnixNs: toProtoInt64(gap.toUnixNs, false),
        failedReads: countToProto(gap.failedReads, "failedReads"),
        code: gap.code,
        message: gap.message,
      })),
      lateSamples: countToProto(value.lateSamples, "lateSamples"),
      droppedSamples: countToProto(value.droppedSamples, "droppedSamples"),
    }),
    fromProto: (source) =>
      Object.freeze({
        streamId: readString(source, "streamId"),
        samples: readMessageArray(readArray(source, "samples"), "samples", readingFromProto),
        gaps: readMessageArray(readArray(source, "gaps"), "gaps", gapFromProto),
        lateSamples: readSafeInteger(source, "lateSamples"),
        droppedSamples: readSafeInteger(source, "droppedSamples"),
      }),
  },
  streamEnded: {
    toProto: (value) => ({
      streamId: value.streamId,
      endedUnixNs: toProtoInt64(value.endedUnixNs, false),
      reason: streamEndReasonToProto(value.reason),
      ...(value.failure ? { failure: sessionCodecs.failure.toProto(value.failure) } : {}),
      samplesSent: countToProto(value.samplesSent, "samplesSent"),
      ...(value.power ? { power: totalsToProto(value.power) } : {}),
      ...(value.iperf ? { iperf: reportToProto(value.iperf) } : {}),
      ...(value.action ? { action: runActionResultToProto(value.action) } : {}),
    }),
    fromProto: (source) =>
      Object.freeze({
        streamId: readString(source, "streamId"),
        endedUnixNs: readBigInt(source, "endedUnixNs"),
        reason: readEnum(source, "reason", streamEndReasonByName, "unspecified"),
        failure: readOptionalMessage(source, "failure", (nested) => sessionCodecs.failure.fromProto(nested)),
        samplesSent: readSafeInteger(source, "samplesSent"),
        power: readOptionalMessage(source, "power", totalsFromProto),
        iperf: readOptionalMessage(source, "iperf", reportFromProto),
        action: readOptionalMessage(source, "action", runActionResultFromProto),
      }),
  },
};
