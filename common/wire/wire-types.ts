/**
 * A structural check protobufjs' decoders skip: every known field must arrive with the wire type its
 * declared type implies (protobufjs reads a known field by its declared type whatever the tag says,
 * so `0a ff 01` would decode as id = 255). Run before decoding; unknown fields are skipped.
 */
import protobuf from "protobufjs/light.js";
import { malformed } from "./wire-error.js";

const LENGTH_DELIMITED = 2;

function scalarWireType(typeName: string, field: protobuf.FieldBase): number {
  const wireType = protobuf.types.basic[(field.resolvedType instanceof protobuf.Enum ? "int32" : typeName) as keyof typeof protobuf.types.basic];
  return wireType ?? LENGTH_DELIMITED;
}

function acceptedWireTypes(field: protobuf.FieldBase): readonly number[] {
  if (field.map || field.resolvedType instanceof protobuf.Type) return [LENGTH_DELIMITED];
  const scalar = scalarWireType(field.type, field);
  // A repeated scalar may come packed (length-delimited) or one element per tag.
  return field.repeated ? [LENGTH_DELIMITED, scalar] : [scalar];
}

function checkMapEntry(reader: protobuf.Reader, field: protobuf.MapField, end: number, path: string): void {
  while (reader.pos < end) {
    const tag = reader.uint32();
    const id = tag >>> 3;
    const wireType = tag & 7;
    const expected = id === 1 ? scalarWireType(field.keyType, field) : id === 2 ? acceptedWireTypes(field)[0] : undefined;
    if (expected !== undefined && wireType !== expected) throw malformed(`${path} entry field ${id} has wire type ${wireType}, expected ${expected}`, path);
    reader.skipType(wireType);
  }
}

function checkMessage(reader: protobuf.Reader, type: protobuf.Type, end: number, path: string): void {
  while (reader.pos < end) {
    const tag = reader.uint32();
    const id = tag >>> 3;
    const wireType = tag & 7;
    if (id === 0) throw malformed(`${path || type.name} has a field number 0`, path || type.name);
    const field = type.fieldsById[id];
    if (field === undefined) {
      reader.skipType(wireType);
      continue;
    }
    const fieldPath = path === "" ? field.name : `${path}.${field.name}`;
    const accepted = acceptedWireTypes(field);
    if (!accepted.includes(wireType)) throw malformed(`field ${fieldPath} has wire type ${wireType}, expected ${accepted.join(" or ")}`, fieldPath);
    if (wireType !== LENGTH_DELIMITED) {
      reader.skipType(wireType);
      continue;
    }
    const length = reader.uint32();
    const nestedEnd = reader.pos + length;
    if (nestedEnd > end) throw malformed(`field ${fieldPath} claims ${length} bytes beyond the end of its message`, fieldPath);
    if (field instanceof protobuf.MapField) checkMapEntry(reader, field, nestedEnd, fieldPath);
    else if (field.resolvedType instanceof protobuf.Type) checkMessage(reader, field.resolvedType, nestedEnd, fieldPath);
    reader.pos = nestedEnd;
  }
  if (reader.pos !== end) throw malformed(`${path || type.name} ends in the middle of a field`, path || type.name);
}

/** Throws WIRE_MALFORMED when a known field of `type` (or of a message inside it) has the wrong wire type. */
export function checkWireTypes(type: protobuf.Type, bytes: Uint8Array): void {
  const reader = protobuf.Reader.create(bytes);
  checkMessage(reader, type, reader.len, "");
}
