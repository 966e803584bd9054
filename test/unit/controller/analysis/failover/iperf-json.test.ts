import { describe, expect, it } from "vitest";
import { iperfJsonResult } from "../../../../../controller/analysis/failover/iperf-json.js";
import { readJsonObjects } from "../../../../../controller/analysis/failover/json-objects.js";
import { iperfFixture } from "./support/fixtures.js";

function result(name: string) {
  const object = readJsonObjects(iperfFixture(name), name).objects[0];
  if (object === undefined) throw new Error(`no object in ${name}`);
  return iperfJsonResult(object, name);
}

describe("iperfJsonResult", () => {
  it("reads a UDP client: datagrams sent per interval, receiver totals from end.sum_received", () => {
    const client = result("failover_run/iperf/client_0.json");
    expect(client).toMatchObject({ role: "client", protocol: "udp", blockBytes: 1200, startUnixS: 1795383005, error: null });
    expect(client.intervals).toHaveLength(30);
    expect(client.intervals[0]).toMatchObject({ startS: 0, bytes: 248400, packets: 207, lostPackets: null, sender: true });
    expect(client.totals).toEqual({ bytes: 6733200, packets: 6249, lostPackets: 638 });
  });

  it("reads a TCP client: RTT (µs, from the streams) and retransmits per interval", () => {
    const client = result("failover_run_tcp/iperf/client_0.json");
    expect(client.protocol).toBe("tcp");
    expect(client.intervals[0]).toMatchObject({ bytes: 200671232, rttUs: 89, retransmits: 477, packets: null, sender: true });
    expect(client.intervals[18]).toMatchObject({ retransmits: 1655, rttUs: 254 });
    expect(client.totals).toEqual({ bytes: 4634836992, packets: null, lostPackets: null });
  });

  it("reads a UDP server: loss per interval, and the receiver totals despite lost_percent 0 in end.streams", () => {
    const server = result("udp_server_loopback.json");
    expect(server.role).toBe("server");
    const lossy = server.intervals.filter((interval) => (interval.lostPackets ?? 0) > 0);
    expect(lossy).toHaveLength(1);
    expect(lossy[0]).toMatchObject({ lostPackets: 12, packets: 526, sender: false });
    expect(server.totals).toEqual({ bytes: 12481200, packets: 10413, lostPackets: 12 });
  });

  it("keeps --get-server-output in either form: a JSON object or the server's text", () => {
    expect(result("tcp_client_loopback_get_server_output_json.json").serverOutputJson).toHaveProperty("intervals");
    expect(result("udp_client_loopback_get_server_output_text.json").serverOutputText).toMatch(/^Accepted connection from 127\.0\.0\.1/);
  });

  it("keeps the error key of a 3.12 run that exited 0", () => {
    const refused = result("tcp_client_error_connection_refused.json");
    expect(refused.error).toBe("unable to connect to server: Connection refused");
    expect(refused.intervals).toEqual([]);
  });

  it("reads iperf 3.21 output the same way", () => {
    expect(result("udp_client_loopback_v3.21.json")).toMatchObject({ protocol: "udp", role: "client" });
  });

  it("names the file and the interval that is malformed", () => {
    expect(() => iperfJsonResult({ start: { test_start: { protocol: "UDP" } }, intervals: [{ sum: { start: 0, end: 0.1, bytes: 1 } }, { sum: { start: 0.2 } }] }, "c.json")).toThrow("c.json: intervals[1] has no sum with numeric start <= end and bytes");
    expect(() => iperfJsonResult({ start: { test_start: { protocol: "SCTP" } } }, "s.json")).toThrow(/s\.json: start\.test_start\.protocol is neither TCP nor UDP/);
  });
});
