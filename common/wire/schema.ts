/**
 * The reflected testbench.v1 schema, built once from the descriptor that scripts/gen-proto.mjs
 * generates from proto/testbench/v1/*.proto. protobufjs compiles encoders and decoders for it
 * on first use, so encoding is as fast as the static code generator's.
 */
import protobuf from "protobufjs/light.js";
import { testbenchDescriptor } from "../../proto/generated/descriptor.js";

const root = protobuf.Root.fromJSON(testbenchDescriptor).resolveAll();

export const envelopeType: protobuf.Type = root.lookupType("testbench.v1.Envelope");

/** Enum value numbers by name, e.g. enumValues("StreamKind").STREAM_KIND_POWER === 1. */
export function enumValues(name: "StreamKind" | "ActionPhase" | "StreamEndReason" | "ActionOutcome"): Readonly<Record<string, number>> {
  return root.lookupEnum(`testbench.v1.${name}`).values;
}

/** The conversion options every decode uses (see decoded-fields.ts). */
export const toObjectOptions: protobuf.IConversionOptions = Object.freeze({
  longs: BigInt,
  enums: String,
  defaults: true,
  arrays: true,
  objects: true,
  oneofs: true,
});
