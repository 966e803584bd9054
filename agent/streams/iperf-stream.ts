/**
 * iperf streams: StreamStart{kind: iperf, source: "server" | "client", arguments: iperf options}.
 * Every interval goes out as an IperfInterval the moment its line is read; the stream ends when
 * iperf3 exits (a client after its duration, a one-off server after its test) or when stopped,
 * with the report (totals, the -J shaped JSON or the text, server output, warnings) in StreamEnded.
 */
import type { IperfInterval, IperfReport, StreamStart } from "../../common/wire/types.js";
import type { Iperf3Driver, IperfIntervalData, IperfRunReport } from "../drivers/iperf3/index.js";
import { iperfOptionsFrom } from "./iperf-arguments.js";
import type { EmitSample, RunningStream, StreamStarter } from "./stream-source.js";

export function toWireInterval(streamId: string, data: IperfIntervalData, atUnixNs: bigint): IperfInterval {
  return Object.freeze({ streamId, ...data, atUnixNs });
}

export function toWireReport(streamId: string, report: IperfRunReport): IperfReport {
  const { sent, received } = report.totals;
  return Object.freeze({
    version: report.version,
    outputMode: report.outputMode,
    exitCode: report.exitCode,
    signal: report.signal,
    sent: sent === undefined ? undefined : toWireInterval(streamId, sent, 0n),
    received: received === undefined ? undefined : toWireInterval(streamId, received, 0n),
    resultJson: report.resultJson,
    resultText: report.resultText,
    serverOutputText: report.serverOutputText,
    serverOutputJson: report.serverOutputJson,
    warnings: report.warnings,
    error: report.error,
  });
}

export class IperfStreamStarter implements StreamStarter {
  constructor(private readonly driver: Iperf3Driver) {}

  async start(request: StreamStart, emit: EmitSample, signal: AbortSignal): Promise<RunningStream> {
    const options = iperfOptionsFrom(request);
    const process = await this.driver.start(
      options,
      (interval, atUnixNs) => emit({ kind: "iperfInterval", value: toWireInterval(request.streamId, interval, atUnixNs) }),
      signal,
    );
    const ended = process.ended.then((outcome) => ({
      reason: outcome.reason,
      ...(outcome.error ? { error: outcome.error } : {}),
      iperf: toWireReport(request.streamId, outcome.report),
    }));
    return { ended, stop: () => process.stop() };
  }
}
