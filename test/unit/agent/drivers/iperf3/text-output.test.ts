import { describe, expect, it } from "vitest";
import type { IperfIntervalData } from "../../../../../agent/drivers/iperf3/index.js";
import { TextOutputParser } from "../../../../../agent/drivers/iperf3/index.js";
import { iperfFixture } from "../../support/fixtures.js";

function parse(text: string) {
  const intervals: IperfIntervalData[] = [];
  const parser = new TextOutputParser((interval) => intervals.push(interval));
  for (const line of text.split("\n")) parser.line(line);
  return { intervals, output: parser.finish(), running: parser.running };
}

describe("TextOutputParser on the 3.12 fixtures", () => {
  it("reads a UDP server's receiver intervals and its receiver total (udp_server_loopback.txt)", () => {
    const { intervals, output, running } = parse(iperfFixture("udp_server_loopback.txt"));
    expect(running).toBe(true);
    expect(intervals).toHaveLength(20);
    expect(intervals[0]).toEqual({ startS: 0, endS: 0.1, bytes: 606 * 1024, rateBps: 49.6e6, packets: 517, lostPackets: 0, jitterMs: 0.012, retransmits: 0, omitted: false, sender: false, rttMs: 0 });
    expect(intervals.every((interval) => !interval.sender)).toBe(true);
    expect(output.totals.received).toMatchObject({ startS: 0, endS: 2, packets: 10413, lostPackets: 0, jitterMs: 0.008 });
    expect(output.totals.sent).toBeUndefined();
    expect(output.warnings).toEqual([]);
    expect(output.error).toBeUndefined();
  });

  it("reads real loss through the router, including the short drain interval (udp_server_tbf20mbit_router.txt)", () => {
    const { intervals, output } = parse(iperfFixture("udp_server_tbf20mbit_router.txt"));
    expect(intervals[1]).toMatchObject({ startS: 0.1, endS: 0.2, lostPackets: 319, packets: 520 });
    expect(intervals.at(-1)).toMatchObject({ startS: 2, endS: 2.05 });
    const lost = intervals.reduce((sum, interval) => sum + interval.lostPackets, 0);
    expect(output.totals.received).toMatchObject({ lostPackets: 6281, packets: 10409 });
    expect(lost).toBe(6281);
  });

  it.each([
    ["udp_server_tbf20mbit_router_timestamps.txt", "--timestamps (ctime prefix)"],
    ["failover_run/iperf/server_0.out", "ts %.s prefix"],
    ["failover_run/iperf/server_1.out", "ts %.s prefix"],
    ["udp_server_tbf20mbit_sender_egress.txt", "no loss"],
  ])("reads %s (%s)", (name) => {
    const { intervals, output } = parse(iperfFixture(name));
    expect(intervals.length).toBeGreaterThan(10);
    expect(output.totals.received).toBeDefined();
    const lost = intervals.reduce((sum, interval) => sum + interval.lostPackets, 0);
    expect(lost).toBe(output.totals.received?.lostPackets);
  });

  it("keeps an outage as 0/0 intervals and charges the loss to the recovery interval (failover_run server_0)", () => {
    const { intervals } = parse(iperfFixture("failover_run/iperf/server_0.out"));
    const byStart = new Map(intervals.map((interval) => [interval.startS.toFixed(1), interval]));
    expect(byStart.get("1.2")).toMatchObject({ packets: 0, lostPackets: 0, bytes: 0 });
    expect(byStart.get("1.3")).toMatchObject({ packets: 0, lostPackets: 0 });
    expect(byStart.get("1.4")).toMatchObject({ lostPackets: 638, packets: 715 });
  });

  it("reads a UDP client's sender intervals and both totals (udp_client_tbf20mbit_router_timestamps_epoch.txt)", () => {
    const { intervals, output } = parse(iperfFixture("udp_client_tbf20mbit_router_timestamps_epoch.txt"));
    expect(intervals).toHaveLength(4);
    expect(intervals[0]).toMatchObject({ startS: 0, endS: 0.5, packets: 2600, sender: true, lostPackets: 0 });
    expect(output.totals.sent).toMatchObject({ packets: 10413, sender: true });
    expect(output.totals.received).toMatchObject({ lostPackets: 6298, packets: 10408, sender: false });
  });
});

const tcpClientParallel = `Connecting to host 127.0.0.1, port 5401
[  5] local 127.0.0.1 port 41580 connected to 127.0.0.1 port 5401
[  7] local 127.0.0.1 port 41582 connected to 127.0.0.1 port 5401
[ ID] Interval           Transfer     Bitrate         Retr  Cwnd
[  5]   0.00-0.20   sec   274 MBytes  11.5 Gbits/sec    0   1023 KBytes
[  7]   0.00-0.20   sec   270 MBytes  11.3 Gbits/sec    3   1023 KBytes
[SUM]   0.00-0.20   sec   544 MBytes  22.8 Gbits/sec    3
- - - - - - - - - - - - - - - - - - - - - - - - -
[  5]   0.20-0.40   sec   274 MBytes  11.5 Gbits/sec    0   1023 KBytes
[  7]   0.20-0.40   sec   272 MBytes  11.4 Gbits/sec    0   1023 KBytes
[SUM]   0.20-0.40   sec   546 MBytes  22.9 Gbits/sec    0
- - - - - - - - - - - - - - - - - - - - - - - - -
[ ID] Interval           Transfer     Bitrate         Retr
[  5]   0.00-0.40   sec  548 MBytes  11.3 Gbits/sec    0             sender
[  5]   0.00-0.40   sec  547 MBytes  11.2 Gbits/sec                  receiver
[  7]   0.00-0.40   sec  542 MBytes  11.2 Gbits/sec    3             sender
[  7]   0.00-0.40   sec  541 MBytes  11.2 Gbits/sec                  receiver
[SUM]   0.00-0.40   sec  1.07 GBytes  22.5 Gbits/sec    3             sender
[SUM]   0.00-0.40   sec  1.06 GBytes  22.4 Gbits/sec                  receiver

Server output:
Accepted connection from 127.0.0.1, port 41576
[  5]   0.00-0.40   sec  547 MBytes  11.2 Gbits/sec                  receiver

iperf Done.`;

describe("TextOutputParser on captured layouts", () => {
  it("takes only [SUM] lines with parallel streams, retransmits from the Retr column, and the server output section", () => {
    const { intervals, output } = parse(tcpClientParallel);
    expect(intervals).toEqual([
      expect.objectContaining({ startS: 0, endS: 0.2, bytes: 544 * 1024 ** 2, rateBps: 22.8e9, retransmits: 3, sender: true }),
      expect.objectContaining({ startS: 0.2, endS: 0.4, retransmits: 0, sender: true }),
    ]);
    expect(output.totals.sent).toMatchObject({ bytes: Math.round(1.07 * 1024 ** 3), retransmits: 3, sender: true });
    expect(output.totals.received).toMatchObject({ rateBps: 22.4e9, sender: false });
    expect(output.serverOutputText).toBe("Accepted connection from 127.0.0.1, port 41576\n[  5]   0.00-0.40   sec  547 MBytes  11.2 Gbits/sec                  receiver\n");
  });

  it("reports iperf3's error line and warns about lines it does not know", () => {
    const { output, intervals } = parse("iperf3: error - unable to connect to server: Connection refused\niperf3: exiting\nsomething else entirely");
    expect(intervals).toEqual([]);
    expect(output.error).toBe("unable to connect to server: Connection refused");
    expect(output.warnings).toEqual(["unrecognised iperf3 line: something else entirely"]);
  });

  it("recognises nothing in garbage", () => {
    const { output } = parse("hello\nworld");
    expect(output.recognized).toBe(false);
  });

  it("marks omitted intervals", () => {
    const { intervals } = parse("[ ID] Interval           Transfer     Bitrate\n[  5]   0.00-1.00   sec  1.00 MBytes  8.39 Mbits/sec                  (omitted)");
    expect(intervals).toEqual([expect.objectContaining({ omitted: true, bytes: 1024 ** 2 })]);
  });
});
