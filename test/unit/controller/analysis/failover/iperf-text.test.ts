import { describe, expect, it } from "vitest";
import { parseIperfText } from "../../../../../controller/analysis/failover/iperf-text.js";
import { iperfFixture } from "./support/fixtures.js";

describe("parseIperfText", () => {
  it("reads a ts-stamped UDP server: the outage as 0/0 intervals and the loss charged after it", () => {
    const log = parseIperfText(iperfFixture("failover_run/iperf/server_0.out"), "server_0.out");
    expect(log.tests).toHaveLength(1);
    const test = log.tests[0];
    expect(test?.acceptedAt).toEqual({ unixNs: 1795383005232082000n, resolutionNs: 1000 });
    expect(test?.intervals).toHaveLength(30);
    const byStart = (startS: number) => test?.intervals.find((line) => line.interval.startS === startS);
    expect(byStart(1.2)?.interval).toMatchObject({ packets: 0, lostPackets: 0, bytes: 0 });
    expect(byStart(1.4)?.interval).toMatchObject({ lostPackets: 638, packets: 715, jitterMs: 0.01, bytes: 90.2 * 1024 });
    expect(byStart(1.4)?.stamp?.unixNs).toBe(1795383006732588000n);
    expect(test?.summaries).toHaveLength(1);
    expect(test?.summaries[0]).toMatchObject({ lostPackets: 638, packets: 6249 });
  });

  it("reads a TCP server (bytes only) including the short 3.00-3.00 interval", () => {
    const test = parseIperfText(iperfFixture("failover_run_tcp/iperf/server_0.out"), "server_0.out").tests[0];
    expect(test?.intervals).toHaveLength(31);
    expect(test?.intervals[0]?.interval).toMatchObject({ bytes: 190 * 1024 ** 2, bitsPerSecond: 15.9e9, packets: null, retransmits: null });
    expect(test?.intervals[30]?.interval).toMatchObject({ startS: 3, endS: 3 });
  });

  it("reads --timestamps ctime stamps at 1 s resolution", () => {
    const test = parseIperfText(iperfFixture("udp_server_tbf20mbit_router_timestamps.txt"), "router.txt").tests[0];
    expect(test?.intervals[0]?.stamp).toEqual({ unixNs: 1795382255000000000n, resolutionNs: 1_000_000_000 });
    expect(test?.intervals[1]?.interval).toMatchObject({ lostPackets: 320, packets: 521 });
  });

  it("reads a client's text: UDP sender lines (datagrams sent) with epoch-second stamps, summaries apart", () => {
    const test = parseIperfText(iperfFixture("udp_client_tbf20mbit_router_timestamps_epoch.txt"), "client.txt").tests[0];
    expect(test?.intervals.map((line) => line.interval.packets)).toEqual([2600, 2604, 2604, 2605]);
    expect(test?.intervals[0]?.stamp?.resolutionNs).toBe(1_000_000_000);
    expect(test?.summaries.map((summary) => summary.lostPackets)).toEqual([0, 6298]);
  });

  it("reads a plain server capture without stamps", () => {
    const test = parseIperfText(iperfFixture("udp_server_loopback.txt"), "loopback.txt").tests[0];
    expect(test?.intervals.every((line) => line.stamp === null)).toBe(true);
    expect(test?.summaries[0]).toMatchObject({ lostPackets: 0, packets: 10413 });
  });

  it("uses [SUM] lines for parallel streams, or adds the streams up when there are none", () => {
    const withSum = ["[  5]   0.00-0.10   sec   100 KBytes  8.19 Mbits/sec  0.010 ms  1/90 (1.1%)", "[  7]   0.00-0.10   sec   100 KBytes  8.19 Mbits/sec  0.020 ms  2/90 (2.2%)", "[SUM]   0.00-0.10   sec   200 KBytes  16.4 Mbits/sec  0.015 ms  3/180 (1.7%)"];
    expect(parseIperfText(withSum.join("\n"), "p.txt").tests[0]?.intervals.map((line) => line.interval.lostPackets)).toEqual([3]);
    const withoutSum = parseIperfText(withSum.slice(0, 2).join("\n"), "p.txt").tests[0]?.intervals;
    expect(withoutSum?.map((line) => [line.interval.lostPackets, line.interval.packets, line.interval.jitterMs])).toEqual([[3, 180, 0.015]]);
  });

  it("splits a persistent server's tests and keeps an iperf3 error line", () => {
    const text = ["Server listening on 5201 (test #1)", "Accepted connection from 10.0.0.1, port 1", "[  5]   0.00-0.10   sec  1.00 KBytes  81.9 Kbits/sec  0.010 ms  0/1 (0%)", "Server listening on 5201 (test #2)", "iperf3: error - the client has unexpectedly closed the connection"];
    const log = parseIperfText(text.join("\n"), "s.txt");
    expect(log.tests.map((test) => [test.intervals.length, test.errors])).toEqual([[1, []], [0, ["the client has unexpectedly closed the connection"]]]);
  });

  it("warns about a last line cut off by a kill, and fails on a malformed line elsewhere with file and line", () => {
    const good = "[  5]   0.00-0.10   sec   243 KBytes  19.9 Mbits/sec  0.007 ms  0/207 (0%)";
    const cut = parseIperfText(`${good}\n[  5]   0.10-0.20   sec   24`, "cut.out");
    expect(cut.warnings).toEqual(['cut.out:2: ignored the last line, which is cut off: "[  5]   0.10-0.20   sec   24"']);
    expect(() => parseIperfText(`[  5]   0.00-0.10   sec   2x3 KBytes\n${good}`, "bad.out")).toThrow('bad.out:1: an iperf3 interval line that does not parse: "[  5]   0.00-0.10   sec   2x3 KBytes"');
    expect(() => parseIperfText("<html>502 Bad Gateway</html>\n", "html.out")).toThrow('html.out:1: no iperf3 text output in the file (no interval, banner or error line): "<html>502 Bad Gateway</html>"');
  });
});
