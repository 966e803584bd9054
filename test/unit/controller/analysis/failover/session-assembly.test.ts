import { describe, expect, it } from "vitest";
import { assembleSession, iperfJsonResult, parseIperfText, readJsonObjects, type JsonCapture } from "../../../../../controller/analysis/failover/index.js";
import { iperfFixture } from "./support/fixtures.js";

function capture(name: string): JsonCapture {
  const { objects, warnings } = readJsonObjects(iperfFixture(name), name);
  return { result: iperfJsonResult(objects[0] ?? {}, name), source: name, warnings };
}

const ORIGIN = 1795383005227546000n;
const placement = { originUnixNs: ORIGIN, fallbackAnchorUnixNs: ORIGIN };

describe("assembleSession", () => {
  it("anchors on the stamped server text, takes loss from it and sender numbers from the client", () => {
    const session = assembleSession({ id: "0", serverText: { log: parseIperfText(iperfFixture("failover_run/iperf/server_0.out"), "server_0.out"), source: "server_0.out", clockOffsetNs: 0 }, clientJson: capture("failover_run/iperf/client_0.json"), serverJson: null }, placement);
    expect(session.protocol).toBe("udp");
    expect(session.received[0]).toMatchObject({ startNs: 5_007_000, endNs: 105_007_000, packets: 207, lostPackets: 0 });
    expect(session.sent[0]).toMatchObject({ startNs: 5_007_000, packets: 207, lostPackets: null });
    expect(session.totals).toEqual({ bytes: 6733200, packets: 6249, lostPackets: 638 });
    expect(session.warnings).toEqual([]);
  });

  it("reads the receiver from --get-server-output (JSON or text) and warns that nothing anchors it", () => {
    for (const name of ["udp_client_tbf20mbit_router_get_server_output_json.json", "udp_client_loopback_get_server_output_text.json"]) {
      const session = assembleSession({ id: "g", serverText: null, clientJson: capture(name), serverJson: null }, placement);
      expect(session.received.length).toBeGreaterThan(15);
      expect(session.received.every((interval) => interval.lostPackets !== null)).toBe(true);
      expect(session.received[0]?.startNs).toBe(0);
      expect(session.warnings).toEqual(["session g: no wall-clock stamps on its interval lines; placed at the fallback anchor (about ±0.3 s: dispatch latency)"]);
    }
  });

  it("keeps a failed client as an empty session with its error", () => {
    const session = assembleSession({ id: "e", serverText: null, clientJson: capture("tcp_client_error_connection_refused.json"), serverJson: null }, placement);
    expect(session.received).toEqual([]);
    expect(session.warnings).toContain("tcp_client_error_connection_refused.json: iperf3 reported an error: unable to connect to server: Connection refused");
    expect(session.warnings).toContain("session e: no intervals to analyse");
  });
});
