/**
 * iperf3's text output (--forceflush), line by line: intervals go out as they are read; with
 * parallel streams only the [SUM] lines count. The end-of-test "sender"/"receiver" lines are the
 * totals; a client's "Server output:" section (--get-server-output) is kept as the server's text.
 */
import { pushWarning, type IperfIntervalData, type OnInterval, type OutputParser, type ParsedOutput } from "./iperf-data.js";
import { parseTextLine, type ColumnLayout } from "./text-line.js";

const NOISE = /^(?:[-\s]*|Reverse mode, .*|Starting Test: .*|Test Complete\. .*|TCP MSS: .*|Cookie: .*|.*iperf3: exiting)$/;

export class TextOutputParser implements OutputParser {
  private layout: ColumnLayout = "tcp-receiver";
  private connectedStreams = 0;
  private inServerOutput = false;
  private recognized = false;
  private isRunning = false;
  private error: string | undefined;
  private sent: IperfIntervalData | undefined;
  private received: IperfIntervalData | undefined;
  private readonly serverOutput: string[] = [];
  private readonly warnings: string[] = [];

  constructor(private readonly onInterval: OnInterval) {}

  get running(): boolean {
    return this.isRunning;
  }

  line(text: string): void {
    if (this.inServerOutput) {
      if (/iperf Done\./.test(text)) this.inServerOutput = false;
      else this.serverOutput.push(text);
      return;
    }
    const parsed = parseTextLine(text, this.layout);
    if (parsed.type !== "other") this.recognized = true;
    switch (parsed.type) {
      case "header":
        this.layout = parsed.layout;
        return;
      case "listening":
        this.isRunning = true;
        return;
      case "accepted":
      case "connecting":
        this.connectedStreams = 0;
        return;
      case "connected":
        this.connectedStreams++;
        this.isRunning = true;
        return;
      case "server-output":
        this.inServerOutput = true;
        return;
      case "error":
        this.error ??= parsed.text;
        return;
      case "warning":
        pushWarning(this.warnings, `iperf3 warning: ${parsed.text}`);
        return;
      case "data":
        this.onData(parsed.stream, parsed.data, parsed.summary);
        return;
      case "done":
        return;
      case "other":
        if (!NOISE.test(text)) pushWarning(this.warnings, `unrecognised iperf3 line: ${text}`);
    }
  }

  finish(): ParsedOutput {
    while (this.serverOutput.length > 0 && this.serverOutput[this.serverOutput.length - 1]?.trim() === "") this.serverOutput.pop();
    return Object.freeze({
      totals: Object.freeze({ sent: this.sent, received: this.received }),
      error: this.error,
      serverOutputText: this.serverOutput.length > 0 ? `${this.serverOutput.join("\n")}\n` : undefined,
      serverOutputJson: undefined,
      resultJson: undefined,
      warnings: Object.freeze([...this.warnings]),
      recognized: this.recognized,
    });
  }

  private onData(stream: string, data: IperfIntervalData, summary: "sender" | "receiver" | undefined): void {
    const useSum = this.connectedStreams > 1;
    if ((stream === "SUM") !== useSum) return;
    if (summary === "sender") this.sent = data;
    else if (summary === "receiver") this.received = data;
    else this.onInterval(data);
  }
}
