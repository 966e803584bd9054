import protobuf from "protobufjs/light.js";
import type { testbench } from "../../proto/generated/types.js";

/** The 64-bit value type of the generated interfaces (a Long; encoders also take any {low, high}). */
export type ProtoInt64 = Exclude<testbench.v1.IPing["t1UnixNs"], number | null | undefined>;

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** A bigint as a protobufjs 64-bit value; RangeError outside the field's range. */
export function toProtoInt64(value: bigint, unsigned: boolean): ProtoInt64 {
  const min = unsigned ? 0n : INT64_MIN;
  const max = unsigned ? UINT64_MAX : INT64_MAX;
  if (value < min || value > max) throw new RangeError(`${value} does not fit a ${unsigned ? "uint64" : "int64"} field`);
  const low = Number(BigInt.asUintN(32, value));
  const high = Number(BigInt.asUintN(32, value >> 32n));
  // protobufjs' Long and the one pbts declares are the same class under two type declarations.
  return new protobuf.util.LongBits(low, high).toLong(unsigned) as unknown as ProtoInt64;
}

/** A safe non-negative integer (count, id) as a uint64 value; RangeError otherwise. */
export function countToProto(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${field} must be a non-negative safe integer, got ${value}`);
  return value;
}
