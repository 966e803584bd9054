/**
 * Envelope <-> bytes. The only place that calls protobufjs' encode/decode; everything else
 * works with the readonly types of common/wire/types.ts.
 */
import { isTestbenchError } from "../errors.js";
import { readSafeInteger, readString, type Decoded } from "./decoded-fields.js";
import { omitDefaults } from "./canonical.js";
import { checkWireTypes } from "./wire-types.js";
import { countToProto } from "./int64.js";
import type { BodyCodec, BodyCodecs } from "./proto-types.js";
import { envelopeType, toObjectOptions } from "./schema.js";
import { sessionCodecs } from "./session-codecs.js";
import { actionCodecs } from "./action-codecs.js";
import { streamCodecs } from "./stream-codecs.js";
import { streamEndCodecs } from "./stream-end-codecs.js";
import { trialCodecs } from "./trial-codecs.js";
import type { WireBody, WireBodyKind, WireEnvelope } from "./types.js";
import { malformed } from "./wire-error.js";

const bodyCodecs: BodyCodecs<WireBodyKind> = { ...sessionCodecs, ...trialCodecs, ...streamCodecs, ...streamEndCodecs, ...actionCodecs };

/** A frame that decoded but carries no body this version knows (a newer peer's request). */
export interface UnknownBodyEnvelope {
  readonly id: number;
  readonly correlationId: number;
  readonly body: undefined;
}

export type DecodedEnvelope = WireEnvelope | UnknownBodyEnvelope;

function codecFor(kind: WireBodyKind): BodyCodec<WireBodyKind> {
  return bodyCodecs[kind] as BodyCodec<WireBodyKind>;
}

export function encodeEnvelope(envelope: WireEnvelope): Uint8Array {
  const body = codecFor(envelope.body.kind).toProto(envelope.body.value as never);
  const message = {
    id: countToProto(envelope.id, "id"),
    correlationId: countToProto(envelope.correlationId, "correlationId"),
    [envelope.body.kind]: body,
  };
  return envelopeType.encode(omitDefaults(envelopeType, message)).finish();
}

function isBodyKind(value: unknown): value is WireBodyKind {
  return typeof value === "string" && Object.hasOwn(bodyCodecs, value);
}

/** Decode one frame; throws a TestbenchError WIRE_MALFORMED when the bytes are not an Envelope. */
export function decodeEnvelope(bytes: Uint8Array): DecodedEnvelope {
  let decoded: Decoded;
  try {
    checkWireTypes(envelopeType, bytes);
    decoded = envelopeType.toObject(envelopeType.decode(bytes), toObjectOptions) as Decoded;
  } catch (error) {
    if (isTestbenchError(error)) throw error;
    throw malformed(`frame of ${bytes.length} bytes is not a testbench.v1 Envelope: ${error instanceof Error ? error.message : String(error)}`, "envelope", error);
  }
  const id = readSafeInteger(decoded, "id");
  const correlationId = readSafeInteger(decoded, "correlationId");
  const kind = decoded["body"];
  if (kind === undefined) return Object.freeze({ id, correlationId, body: undefined });
  if (!isBodyKind(kind)) throw malformed(`unknown body ${readString(decoded, "body")}`, "body");
  const source = decoded[kind];
  if (typeof source !== "object" || source === null) throw malformed(`body ${kind} is not a message`, kind);
  try {
    const value = codecFor(kind).fromProto(source as Decoded);
    return Object.freeze({ id, correlationId, body: Object.freeze({ kind, value }) as WireBody });
  } catch (error) {
    if (isTestbenchError(error)) throw error;
    throw malformed(`body ${kind} could not be read`, kind, error);
  }
}
