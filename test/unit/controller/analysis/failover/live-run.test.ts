import { describe, expect, it } from "vitest";
import { analyzeRun, assembleLiveRun, liveAnchorUnixNs, type LiveInterval } from "../../../../../controller/analysis/failover/index.js";

const T0 = 1_800_000_000_000_000_000n;
const MS = 1_000_000n;

/** A 0.1 s UDP receiver interval k, read `delayMs` after it ended on a clock `offsetMs` ahead of the controller. */
function received(k: number, packets: number, lost: number, delayMs: number, offsetMs: number): LiveInterval {
  const endS = (k + 1) / 10;
  return {
    startS: k / 10,
    endS,
    bytes: (packets - lost) * 1000,
    packets,
    lostPackets: lost,
    jitterMs: 0.01,
    retransmits: 0,
    rttMs: 0,
    omitted: false,
    atUnixNs: T0 + BigInt(Math.round(endS * 1000)) * MS + BigInt(delayMs) * MS + BigInt(offsetMs) * MS,
    sender: false,
  };
}

function sent(k: number): LiveInterval {
  return { ...received(k, 100, 0, 1, 0), lostPackets: 0, sender: true };
}

describe("liveAnchorUnixNs", () => {
  it("takes the least-delayed line and removes the agent's clock offset", () => {
    const intervals = [received(0, 100, 0, 7, 250), received(1, 100, 0, 2, 250), received(2, 100, 0, 30, 250)];
    expect(liveAnchorUnixNs({ intervals, clockOffsetNs: 250e6, fallbackAnchorUnixNs: 0n })).toEqual({ anchorUnixNs: T0 + 2n * MS, stamped: true });
  });

  it("falls back to the stream's start when no line was seen live", () => {
    const intervals = [{ ...received(0, 100, 0, 0, 0), atUnixNs: 0n }];
    expect(liveAnchorUnixNs({ intervals, clockOffsetNs: 0, fallbackAnchorUnixNs: 42n })).toEqual({ anchorUnixNs: 42n, stamped: false });
  });
});

describe("assembleLiveRun", () => {
  // 20 intervals; the link fails at 1.0 s: two outage intervals (0/0), then the loss shows in the next one.
  const serverIntervals = Array.from({ length: 20 }, (_, k) => (k === 10 || k === 11 ? received(k, 0, 0, 1, 50) : k === 12 ? received(k, 300, 200, 1, 50) : received(k, 100, 0, 1, 50)));
  const captures = {
    events: [
      {
        clockOffsetNs: 0,
        events: [
          { name: "iperf_client", phase: "start" as const, unixNs: T0, host: "client", detail: null },
          { name: "failover", phase: "start" as const, unixNs: T0 + 1000n * MS, host: "dut", detail: "pollMs=200" },
          { name: "failover", phase: "stop" as const, unixNs: T0 + 1200n * MS, host: "dut", detail: "succeeded" },
        ],
      },
    ],
    sessions: [
      {
        id: "s0",
        protocol: "udp" as const,
        server: { intervals: serverIntervals, clockOffsetNs: 50e6, fallbackAnchorUnixNs: T0 },
        client: { intervals: Array.from({ length: 20 }, (_, k) => sent(k)), clockOffsetNs: 0, fallbackAnchorUnixNs: T0 },
        totals: null,
      },
    ],
    power: [{ clockOffsetNs: -20e6, series: [{ device: "dut:sim", samples: [{ unixNs: T0 + 480n * MS, powerW: 60 }], gaps: [{ unixNs: T0 + 1480n * MS, reason: "METER_READ_FAILED" }] }] }],
  };

  it("puts both sides, the events and the power on the controller's axis", () => {
    const run = assembleLiveRun(captures);
    expect(run.originUnixNs).toBe(T0);
    const session = run.sessions[0]!;
    expect(session.received[0]).toMatchObject({ startNs: 1e6, endNs: 101e6, packets: 100, lostPackets: 0 });
    expect(session.sent[0]).toMatchObject({ startNs: 1e6, packets: 100, lostPackets: null, jitterMs: null });
    expect(run.power[0]).toEqual({ device: "dut:sim", samples: [{ atNs: 500e6, powerW: 60 }], gaps: [{ atNs: 1500e6, reason: "METER_READ_FAILED" }] });
    expect(run.events.map((event) => [event.name, event.phase, event.atNs])).toEqual([
      ["iperf_client", "start", 0],
      ["failover", "start", 1000e6],
      ["failover", "stop", 1200e6],
    ]);
    expect(run.warnings).toEqual([]);
  });

  it("gives the analysis the outage at the trigger and the recovery after it", () => {
    const analysis = analyzeRun(assembleLiveRun(captures), { triggerEvent: "failover" });
    expect(analysis.recovery.disrupted).toBe(true);
    // The lossy interval (1.201-1.301 s) spills 1 ms into the epoch at 1.3 s: 2 % there, clean from 1.4 s.
    expect(analysis.recovery.recoveryS).toBeCloseTo(0.4, 6);
    expect(analysis.recovery.peak?.lossPercent).toBeGreaterThan(60);
    expect(analysis.totals.lostPacketsAfterTrigger).toBe(200);
  });

  it("warns about a session with nothing in it", () => {
    const run = assembleLiveRun({ ...captures, sessions: [{ id: "e", protocol: "udp", server: null, client: null, totals: null }] });
    expect(run.warnings).toEqual(["session e: no intervals to analyse"]);
  });
});
