/**
 * The report of one iperf3 process, bounded so that it fits one wire message: the -J shaped JSON
 * keeps its intervals only while it is small (they were streamed live anyway), text and server
 * output are cut with a warning.
 */
import type { BoundedText } from "../../streams/bounded-text.js";
import { pushWarning, type ParsedOutput } from "./iperf-data.js";
import type { IperfRunReport, ProcessEnd } from "./iperf-outcome.js";
import type { IperfOutputMode } from "./iperf-options.js";
import type { IperfVersion } from "./iperf-version.js";

export const MAX_REPORT_BYTES = Object.freeze({ resultJson: 4 * 1024 * 1024, serverOutput: 2 * 1024 * 1024 });

function withoutIntervals(json: string, warnings: string[]): string {
  const object = JSON.parse(json) as Record<string, unknown>;
  const count = Array.isArray(object["intervals"]) ? object["intervals"].length : 0;
  pushWarning(warnings, `result_json is larger than ${MAX_REPORT_BYTES.resultJson} bytes: its ${count} intervals were left out (they were streamed as IperfInterval)`);
  return JSON.stringify({ ...object, intervals: [] });
}

function cut(text: string | undefined, maxBytes: number, what: string, warnings: string[]): string {
  if (text === undefined) return "";
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  pushWarning(warnings, `${what} was cut to ${maxBytes} bytes`);
  return Buffer.from(text, "utf8").subarray(0, maxBytes).toString("utf8");
}

export function buildReport(
  config: { readonly mode: IperfOutputMode; readonly version: IperfVersion },
  parsed: ParsedOutput,
  end: ProcessEnd,
  stdout: BoundedText,
  stderrText: string,
): IperfRunReport {
  const warnings = [...parsed.warnings];
  for (const line of stderrText.split("\n")) {
    const warning = /^\s*warning: (.+)$/.exec(line);
    if (warning) pushWarning(warnings, `iperf3 warning: ${warning[1] ?? ""}`);
  }
  if (stdout.truncated) pushWarning(warnings, `result_text was cut to ${stdout.maxBytes} bytes (${stdout.dropped} bytes left out)`);
  let resultJson = parsed.resultJson ?? "";
  if (Buffer.byteLength(resultJson, "utf8") > MAX_REPORT_BYTES.resultJson) resultJson = withoutIntervals(resultJson, warnings);
  resultJson = cut(resultJson, MAX_REPORT_BYTES.resultJson, "result_json", warnings);
  return Object.freeze({
    version: config.version.text,
    outputMode: config.mode,
    exitCode: end.exitCode ?? -1,
    signal: end.signal ?? "",
    totals: parsed.totals,
    resultJson,
    resultText: config.mode === "text" ? stdout.text : "",
    serverOutputText: cut(parsed.serverOutputText, MAX_REPORT_BYTES.serverOutput, "server_output_text", warnings),
    serverOutputJson: cut(parsed.serverOutputJson, MAX_REPORT_BYTES.serverOutput, "server_output_json", warnings),
    warnings: Object.freeze(warnings),
    error: parsed.error ?? end.stderrError ?? "",
  });
}
