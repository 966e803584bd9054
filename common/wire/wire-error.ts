import { TestbenchError } from "../errors.js";
import { FailureCode } from "./failure-codes.js";

/** A frame that is not a valid testbench.v1 Envelope (code WIRE_MALFORMED). */
export function malformed(message: string, field: string, cause?: unknown): TestbenchError {
  return new TestbenchError(FailureCode.wireMalformed, message, { context: { field }, cause });
}
