import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { JsonOutputParser, JsonStreamOutputParser, type IperfIntervalData, type OutputParser } from "../../../../../agent/drivers/iperf3/index.js";
import { iperfFixture, iperfFixtureDir } from "../../support/fixtures.js";

function parse(make: (onInterval: (interval: IperfIntervalData) => void) => OutputParser, text: string) {
  const intervals: IperfIntervalData[] = [];
  const parser = make((interval) => intervals.push(interval));
  for (const line of text.split("\n")) parser.line(line);
  return { intervals, output: parser.finish(), running: parser.running };
}

const json = (name: string) => parse((onInterval) => new JsonOutputParser(onInterval), iperfFixture(name));
const jsonStream = (name: string) => parse((onInterval) => new JsonStreamOutputParser(onInterval), iperfFixture(name));

describe("JsonOutputParser (-J)", () => {
  const files = readdirSync(iperfFixtureDir).filter((name) => name.endsWith(".json"));

  it.each(files)("reads %s: intervals, totals, a round-trippable result", (name) => {
    const { intervals, output } = json(name);
    expect(output.recognized).toBe(true);
    const original = JSON.parse(iperfFixture(name).replace(/^[^{]*/, "")) as { intervals: unknown[]; error?: string };
    expect(intervals).toHaveLength(original.intervals.length);
    expect(JSON.parse(output.resultJson ?? "{}")).toEqual(original);
    if (original.error === undefined) expect(output.totals.received ?? output.totals.sent).toBeDefined();
  });

  it("takes UDP receiver loss from end.sum_received (udp_server_loopback.json)", () => {
    const { intervals, output } = json("udp_server_loopback.json");
    expect(output.totals.received).toMatchObject({ lostPackets: 12, packets: 10413, sender: false });
    const lost = intervals.reduce((sum, interval) => sum + interval.lostPackets, 0);
    expect(lost).toBe(12);
    expect(intervals[5]).toMatchObject({ lostPackets: 12 });
  });

  it("takes the TCP sender's RTT from its streams (µs -> ms) and retransmits from the sum", () => {
    const { intervals, output } = json("tcp_client_loopback.json");
    expect(intervals[1]).toMatchObject({ sender: true, rttMs: 0.131, retransmits: 0, bytes: 176947200 });
    expect(output.totals.sent).toMatchObject({ retransmits: 36, sender: true });
    expect(output.totals.received?.sender).toBe(false);
  });

  it("reports a stray line before the JSON as a warning and parses the rest (udp_client_malformed_warning_prefix.json)", () => {
    const { intervals, output } = json("udp_client_malformed_warning_prefix.json");
    expect(output.warnings).toEqual(["skipped a line before the JSON: warning: UDP block size 2000 exceeds TCP MSS 1448, may result in fragmentation / drops"]);
    expect(intervals.length).toBeGreaterThan(0);
    expect(output.error).toBeUndefined();
  });

  it("reads the error key (connection refused, exit 0 in 3.12)", () => {
    const { intervals, output } = json("tcp_client_error_connection_refused.json");
    expect(intervals).toEqual([]);
    expect(output.error).toBe("unable to connect to server: Connection refused");
  });

  it("keeps the server's output: a JSON object or text, by the server's mode", () => {
    expect(JSON.parse(json("tcp_client_loopback_get_server_output_json.json").output.serverOutputJson ?? "null")).toMatchObject({ start: expect.any(Object), end: expect.any(Object) });
    expect(json("udp_client_loopback_get_server_output_text.json").output.serverOutputText).toMatch(/^Accepted connection from 127\.0\.0\.1/);
  });

  it("reads concatenated objects of a persistent server and an object cut off at the end", () => {
    const one = iperfFixture("udp_server_loopback.json");
    const { intervals, output } = parse((onInterval) => new JsonOutputParser(onInterval), `${one}${one}{"start": {`);
    expect(intervals).toHaveLength(40);
    expect(output.warnings).toEqual([expect.stringMatching(/cut off/)]);
  });

  it("recognises nothing in garbage", () => {
    const { output } = parse((onInterval) => new JsonOutputParser(onInterval), "garbage\nmore garbage");
    expect(output.recognized).toBe(false);
    expect(output.warnings).toHaveLength(2);
  });
});

describe("JsonStreamOutputParser (--json-stream, 3.17+)", () => {
  it.each(["udp_client_loopback_json_stream_v3.21.jsonl", "tcp_client_loopback_json_stream_v3.21.jsonl", "udp_server_loopback_json_stream_v3.21.jsonl"])(
    "streams every interval of %s and assembles the -J shaped result",
    (name) => {
      const lines = iperfFixture(name).trim().split("\n");
      const { intervals, output, running } = jsonStream(name);
      expect(running).toBe(true);
      expect(intervals).toHaveLength(lines.filter((line) => line.includes('"event":"interval"')).length);
      const result = JSON.parse(output.resultJson ?? "{}") as { start: unknown; intervals: unknown[]; end: unknown };
      expect(result.intervals).toHaveLength(intervals.length);
      expect(result.end).toBeDefined();
      expect(output.warnings).toEqual([]);
    },
  );

  it("reads the receiver's loss fields on the server", () => {
    const { intervals, output } = jsonStream("udp_server_loopback_json_stream_v3.21.jsonl");
    expect(intervals[0]).toMatchObject({ packets: 522, lostPackets: 0, sender: false });
    expect(output.totals.received).toMatchObject({ packets: 10418, sender: false });
  });

  it("warns about lines that are not events", () => {
    const { output } = parse((onInterval) => new JsonStreamOutputParser(onInterval), 'warning: x\n{"event":"error","data":"unable to connect to server: Connection refused"}');
    expect(output.warnings).toEqual(["skipped a line that is not a --json-stream event: warning: x"]);
    expect(output.error).toBe("unable to connect to server: Connection refused");
  });
});
