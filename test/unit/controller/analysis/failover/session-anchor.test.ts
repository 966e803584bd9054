import { describe, expect, it } from "vitest";
import { parseIperfText } from "../../../../../controller/analysis/failover/iperf-text.js";
import { anchorFromStamps } from "../../../../../controller/analysis/failover/session-anchor.js";
import { iperfFixture } from "./support/fixtures.js";

function anchorOf(name: string): bigint | null {
  return anchorFromStamps(parseIperfText(iperfFixture(name), name).tests[0]?.intervals ?? []);
}

describe("anchorFromStamps", () => {
  it("puts a ts %.s session's time zero at the least-delayed line's stamp minus its interval end", () => {
    // server_0.out: 0.40-0.50 printed at ...005.732553 is the least delayed; the data stream connected at ...005.232404.
    expect(anchorOf("failover_run/iperf/server_0.out")).toBe(1795383005232553000n);
    // server_1.out starts 0.15 s later (the clients were started 0.15 s apart).
    expect(Number((anchorOf("failover_run/iperf/server_1.out") ?? 0n) - (anchorOf("failover_run/iperf/server_0.out") ?? 0n)) / 1e9).toBeCloseTo(0.1555, 3);
  });

  it("narrows whole-second stamps to the window every line agrees on", () => {
    // --timestamps ctime at 1 s: "0.70-0.80" is still stamped :35 (zero < :35.2), "0.80-0.90" already :36
    // (zero >= :35.1), and the :36 -> :37 tick agrees; the middle of [35.1, 35.2) is 35.15.
    const anchor = anchorOf("udp_server_tbf20mbit_router_timestamps.txt");
    expect(Number((anchor ?? 0n) - 1795382255000000000n) / 1e9).toBeCloseTo(0.15, 6);
    // 0.5 s intervals stamped with --timestamps='%s ': zero in [55.0, 55.5).
    expect(Number((anchorOf("udp_client_tbf20mbit_router_timestamps_epoch.txt") ?? 0n) - 1795382255000000000n) / 1e9).toBeCloseTo(0.25, 6);
  });

  it("has no anchor without stamps", () => {
    expect(anchorOf("udp_server_loopback.txt")).toBeNull();
  });
});
