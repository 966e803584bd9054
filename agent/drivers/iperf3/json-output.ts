/**
 * iperf3 -J output: nothing is printed until the test ends, then one object (or one per test from
 * a persistent server). Lines are buffered and read leniently at the end; the intervals are
 * reported then. An `error` key is iperf3's failure even when it exits 0 (3.12).
 */
import { pushWarning, type IperfTotals, type OnInterval, type OutputParser, type ParsedOutput } from "./iperf-data.js";
import { readJsonObjects } from "./json-objects.js";
import { asObject, endTotals, intervalData } from "./json-records.js";

/** Server output and error of one -J shaped object. */
export function objectExtras(object: Record<string, unknown>): { error?: string; serverOutputText?: string; serverOutputJson?: string } {
  const error = typeof object["error"] === "string" ? object["error"].replace(/^error - /, "") : undefined;
  const text = object["server_output_text"];
  const json = asObject(object["server_output_json"]);
  return {
    ...(error === undefined ? {} : { error }),
    ...(typeof text === "string" ? { serverOutputText: text } : {}),
    ...(json === undefined ? {} : { serverOutputJson: JSON.stringify(json) }),
  };
}

export class JsonOutputParser implements OutputParser {
  private readonly lines: string[] = [];

  constructor(private readonly onInterval: OnInterval) {}

  get running(): boolean {
    return false;
  }

  line(text: string): void {
    this.lines.push(text);
  }

  finish(): ParsedOutput {
    const { objects, warnings: found } = readJsonObjects(this.lines.join("\n"));
    const warnings = [...found];
    let totals: IperfTotals = { sent: undefined, received: undefined };
    let extras: ReturnType<typeof objectExtras> = {};
    for (const object of objects) {
      const intervals = object["intervals"];
      if (Array.isArray(intervals)) {
        for (const interval of intervals) {
          const data = intervalData(interval);
          if (data === undefined) pushWarning(warnings, "an interval without a sum or stream record was skipped");
          else this.onInterval(data);
        }
      }
      const end = endTotals(object["end"]);
      if (end.sent !== undefined || end.received !== undefined) totals = end;
      const next = objectExtras(object);
      extras = { ...extras, ...next };
    }
    const last = objects[objects.length - 1];
    return Object.freeze({
      totals,
      error: extras.error,
      serverOutputText: extras.serverOutputText,
      serverOutputJson: extras.serverOutputJson,
      resultJson: last === undefined ? undefined : JSON.stringify(last),
      warnings: Object.freeze(warnings),
      recognized: objects.length > 0,
    });
  }
}
