/**
 * iperf3 --json-stream output (3.17+): one {"event", "data"} object per line. Intervals go out as
 * they arrive; the events are also assembled into the -J shaped object {start, intervals, end, ...}
 * so the final report looks the same in every JSON mode. Lines that are not events are warnings.
 */
import { pushWarning, type IperfTotals, type OnInterval, type OutputParser, type ParsedOutput } from "./iperf-data.js";
import { objectExtras } from "./json-output.js";
import { asObject, endTotals, intervalData } from "./json-records.js";

export class JsonStreamOutputParser implements OutputParser {
  private readonly assembled: Record<string, unknown> & { intervals: unknown[] } = { intervals: [] };
  private readonly warnings: string[] = [];
  private totals: IperfTotals = { sent: undefined, received: undefined };
  private events = 0;
  private started = false;

  constructor(private readonly onInterval: OnInterval) {}

  get running(): boolean {
    return this.started;
  }

  line(text: string): void {
    if (text.trim() === "") return;
    let event: Record<string, unknown> | undefined;
    try {
      event = asObject(JSON.parse(text));
    } catch {
      event = undefined;
    }
    const name = event?.["event"];
    if (event === undefined || typeof name !== "string") {
      pushWarning(this.warnings, `skipped a line that is not a --json-stream event: ${text.trim()}`);
      return;
    }
    this.events++;
    const data = event["data"];
    switch (name) {
      case "start":
        this.started = true;
        this.assembled["start"] = data;
        return;
      case "interval": {
        this.assembled.intervals.push(data);
        const interval = intervalData(data);
        if (interval === undefined) pushWarning(this.warnings, "an interval event without a sum or stream record was skipped");
        else this.onInterval(interval);
        return;
      }
      case "end":
        this.assembled["end"] = data;
        this.totals = endTotals(data);
        return;
      default:
        this.assembled[name] = data;
    }
  }

  finish(): ParsedOutput {
    const extras = objectExtras(this.assembled);
    return Object.freeze({
      totals: this.totals,
      error: extras.error,
      serverOutputText: extras.serverOutputText,
      serverOutputJson: extras.serverOutputJson,
      resultJson: this.events > 0 ? JSON.stringify(this.assembled) : undefined,
      warnings: Object.freeze([...this.warnings]),
      recognized: this.events > 0,
    });
  }
}
