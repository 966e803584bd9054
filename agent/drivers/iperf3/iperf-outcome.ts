/**
 * How an iperf3 process ended, in driver terms: done, stopped (the agent sent SIGINT) or failed with
 * a code. iperf3's own error text wins (the JSON `error` key counts even with exit 0); a signal the
 * agent did not send is a crash; output with nothing iperf3 would print is invalid.
 */
import type { TestbenchError } from "../../../common/errors.js";
import type { IperfTotals, ParsedOutput } from "./iperf-data.js";
import { IperfErrorCode, iperfError } from "./iperf-errors.js";
import type { IperfOptions, IperfOutputMode } from "./iperf-options.js";

export interface IperfRunReport {
  readonly version: string;
  readonly outputMode: IperfOutputMode;
  /** -1 when a signal ended the process. */
  readonly exitCode: number;
  readonly signal: string;
  readonly totals: IperfTotals;
  readonly resultJson: string;
  readonly resultText: string;
  readonly serverOutputText: string;
  readonly serverOutputJson: string;
  readonly warnings: readonly string[];
  readonly error: string;
}

export interface IperfOutcome {
  readonly reason: "done" | "stopped" | "failed";
  readonly error?: TestbenchError;
  readonly report: IperfRunReport;
}

export interface ProcessEnd {
  readonly exitCode: number | undefined;
  readonly signal: string | undefined;
  /** The agent asked it to stop (SIGINT, then SIGKILL after the grace time). */
  readonly stoppedByAgent: boolean;
  /** First "iperf3: ..." line iperf3 printed on stderr, if any. */
  readonly stderrError: string | undefined;
  readonly stderrExcerpt: string;
  readonly stdoutExcerpt: string;
}

function describe(options: IperfOptions): string {
  return options.role === "server" ? `iperf3 server on port ${options.port}` : `iperf3 client to ${options.host}:${options.port}`;
}

export function classifyEnd(options: IperfOptions, parsed: ParsedOutput, end: ProcessEnd): Pick<IperfOutcome, "reason" | "error"> {
  const what = describe(options);
  const context = { role: options.role, port: options.port, exitCode: end.exitCode ?? -1, ...(end.signal ? { signal: end.signal } : {}) };
  const errorText = parsed.error ?? end.stderrError;
  if (errorText !== undefined && /Address already in use/i.test(errorText)) {
    return { reason: "failed", error: iperfError(IperfErrorCode.portInUse, `${what}: ${errorText}; pick another port or stop what holds it`, context) };
  }
  if (end.stoppedByAgent) return { reason: "stopped" };
  if (end.signal !== undefined) {
    return { reason: "failed", error: iperfError(IperfErrorCode.crashed, `${what} was killed by ${end.signal}${errorText ? ` (${errorText})` : ""}`, context) };
  }
  if (errorText !== undefined) {
    return { reason: "failed", error: iperfError(IperfErrorCode.failed, `${what} failed: ${errorText}`, { ...context, iperfError: errorText }) };
  }
  if (!parsed.recognized) {
    const excerpt = JSON.stringify((end.stdoutExcerpt || end.stderrExcerpt).trim().slice(0, 160));
    return {
      reason: "failed",
      error: iperfError(IperfErrorCode.outputInvalid, `${what} exited with ${end.exitCode ?? "?"} and printed nothing iperf3 would print: ${excerpt}`, context),
    };
  }
  if (end.exitCode !== 0) {
    const detail = end.stderrExcerpt.trim().split("\n")[0] ?? "";
    return { reason: "failed", error: iperfError(IperfErrorCode.crashed, `${what} exited with ${end.exitCode ?? "?"}${detail ? `: ${detail}` : ""}`, context) };
  }
  return { reason: "done" };
}
