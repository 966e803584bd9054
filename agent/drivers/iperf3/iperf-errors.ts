/** Errors of the iperf3 driver (docs/iperf3.md). */
import { TestbenchError, type ErrorContext } from "../../../common/errors.js";

export const IperfErrorCode = Object.freeze({
  /** The iperf3 binary is not there (agent.yaml iperf3.binary, or PATH). */
  notFound: "IPERF_NOT_FOUND",
  /** The server's port (or a client's bind address) is taken. */
  portInUse: "IPERF_PORT_IN_USE",
  /** iperf3 died from a signal the agent did not send, or exited non-zero without saying why. */
  crashed: "IPERF_CRASHED",
  /** iperf3 printed nothing it would print (no interval, no JSON object). */
  outputInvalid: "IPERF_OUTPUT_INVALID",
  /** iperf3 reported an error (the JSON `error` key even with exit 0, or "iperf3: error - ..."). */
  failed: "IPERF_FAILED",
});

export function iperfError(code: string, message: string, context: ErrorContext, cause?: unknown): TestbenchError {
  return new TestbenchError(code, message, { context, cause });
}
