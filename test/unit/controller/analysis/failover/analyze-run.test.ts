import { describe, expect, it } from "vitest";
import { analyzeRun, type EpochRow } from "../../../../../controller/analysis/failover/index.js";
import { syntheticRun } from "./support/synthetic-run.js";

// Two UDP sessions of 200 datagrams per 0.1 s, started at 0 and 0.05 s; the trigger at 1.2 s and
// nothing arrives until 1.5 s. Session 0 reports 0/0 for 1.2-1.5 and 600/800 for 1.5-1.6;
// session 1 reports 0/100 for 1.15-1.25, 0/0 twice, then 600/700 for 1.45-1.55.
const udp = syntheticRun({ triggerAtS: 1.2, outageS: 0.3, sessionStartsS: [0, 0.05] });

function row(rows: readonly EpochRow[], index: number): EpochRow {
  const found = rows.find((candidate) => candidate.index === index);
  if (found === undefined) throw new Error(`no epoch ${index}`);
  return found;
}

describe("analyzeRun on a UDP outage", () => {
  const analysis = analyzeRun(udp);

  it("sums loss across sessions per 100 ms epoch anchored at the trigger, splitting straddling intervals", () => {
    expect(analysis.lossBasis).toBe("udp-packets");
    expect(analysis.triggerAtNs).toBe(1.2e9);
    expect(row(analysis.epochs, 0)).toMatchObject({ startNs: 1.2e9, packets: 50, lostPackets: 0, lossPercent: 0 });
    expect(row(analysis.epochs, 1)).toMatchObject({ packets: 0, lossPercent: null, lossGap: "outage" });
    expect(row(analysis.epochs, 2)).toMatchObject({ packets: 350, lostPackets: 300 });
    expect(row(analysis.epochs, 2).lossPercent).toBeCloseTo((100 * 300) / 350, 9);
    expect(row(analysis.epochs, 3)).toMatchObject({ packets: 1250, lostPackets: 900 });
    expect(row(analysis.epochs, 3).lossPercent).toBeCloseTo(72, 9);
    expect(row(analysis.epochs, 4)).toMatchObject({ packets: 400, lossPercent: 0 });
  });

  it("measures recovery from the trigger to the first clean epoch after the disruption", () => {
    expect(analysis.recovery).toMatchObject({ disrupted: true, disruptedFromNs: 1.3e9, recoveredAtNs: 1.6e9, thresholdPercent: 1 });
    expect(analysis.recovery.recoveryS).toBeCloseTo(0.4, 9);
    expect(analysis.recovery.peak).toMatchObject({ index: 2, lostPackets: 300 });
  });

  it("counts whole datagrams lost over the run and after the trigger", () => {
    expect(analysis.totals).toEqual({ packets: 12000, lostPackets: 1200, lostPacketsAfterTrigger: 1200, retransmits: null, retransmitsAfterTrigger: null, afterTriggerWindowS: 2 });
    expect(analyzeRun(udp, { afterTriggerWindowS: 0.35 }).totals.lostPacketsAfterTrigger).toBe(0);
  });

  it("computes goodput per epoch", () => {
    // Before the trigger both sessions deliver 200 datagrams of 1200 B per 0.1 s: 2 * 19.2 Mbit/s.
    expect(row(analysis.epochs, -3).throughputBps).toBeCloseTo(38.4e6, 3);
    expect(row(analysis.epochs, 1).throughputBps).toBe(0);
  });

  it("reproduces the notebook's binning with interval-end attribution on an origin-anchored grid", () => {
    const notebook = analyzeRun(udp, { attribution: "interval-end", epochAnchor: "origin" });
    expect(row(notebook.epochs, 15)).toMatchObject({ startNs: 1.5e9, packets: 1500, lostPackets: 1200, lossPercent: 80 });
    expect(row(notebook.epochs, 12)).toMatchObject({ packets: 100, lossPercent: 0 });
    expect(row(notebook.epochs, 13).lossGap).toBe("outage");
    expect(notebook.recovery.recoveryS).toBeCloseTo(0.4, 9);
  });

  it("follows the threshold and the hold", () => {
    // At 90 % the 85.7 % epoch already counts as recovered.
    expect(analyzeRun(udp, { recoveryThresholdPercent: 90 }).recovery.recoveryS).toBeCloseTo(0.2, 9);
    expect(analyzeRun(udp, { recoveryHoldEpochs: 5 }).recovery.recoveryS).toBeCloseTo(0.4, 9);
  });

  it("says 0 s without a disruption, and null when the data ends before recovery", () => {
    expect(analyzeRun(syntheticRun({ triggerAtS: 1.2, outageS: 0 })).recovery).toMatchObject({ disrupted: false, recoveryS: 0 });
    const never = analyzeRun(syntheticRun({ triggerAtS: 2.5, outageS: 1 }));
    expect(never.recovery).toMatchObject({ disrupted: true, recoveredAtNs: null, recoveryS: null });
  });

  it("names the missing trigger and the events there are", () => {
    expect(() => analyzeRun(udp, { triggerEvent: "port_down" })).toThrow('no event named "port_down" to use as the triggerEvent; the run has: iperf_client, fail_link, failover. Name another with the triggerEvent option');
  });
});

describe("analyzeRun on TCP", () => {
  const analysis = analyzeRun(syntheticRun({ triggerAtS: 1.2, outageS: 0.3, protocol: "tcp" }));

  it("infers loss as the throughput shortfall against the median before the trigger", () => {
    expect(analysis.lossBasis).toBe("tcp-throughput");
    expect(analysis.tcpBaselineBps).toBeCloseTo((2 * 200 * 1448 * 8) / 0.1, 3);
    expect(row(analysis.epochs, 0).lossPercent).toBeCloseTo(87.5, 9);
    expect(row(analysis.epochs, 1).lossPercent).toBe(100);
    expect(row(analysis.epochs, 3).lossPercent).toBeCloseTo(12.5, 9);
    expect(row(analysis.epochs, 4).lossPercent).toBe(0);
    expect(row(analysis.epochs, -3)).toMatchObject({ rttMs: 0.3, packets: null, lostPackets: null });
  });

  it("leaves epochs that not every session covers without a figure", () => {
    // Session 1 starts at 0.05 s: the first epoch [-0.0, 0.1) on the trigger grid is not covered by both.
    expect(analysis.epochs[0]).toMatchObject({ lossPercent: null, lossGap: "uncovered" });
  });

  it("uses the TCP threshold (10 %) and counts retransmits", () => {
    expect(analysis.recovery.thresholdPercent).toBe(10);
    expect(analysis.recovery.recoveryS).toBeCloseTo(0.4, 9);
    expect(analysis.recovery.peak?.lostPackets).toBeNull();
    expect(analysis.totals).toMatchObject({ lostPackets: null, retransmits: 35, retransmitsAfterTrigger: 35 });
  });
});

describe("power per epoch", () => {
  it("averages each device over 1 s epochs anchored at the trigger, leaving gaps out", () => {
    const run = syntheticRun({ triggerAtS: 1.2, outageS: 0.3, power: [{ device: "fpga0", baseW: 27.2, stepW: -0.1, sampleEveryS: 0.2, gapsAtS: [0.4, 0.6] }] });
    const [fpga] = analyzeRun(run).power;
    expect(fpga?.epochs.map((epoch) => [epoch.index, epoch.samples, epoch.gaps])).toEqual([[-2, 1, 0], [-1, 3, 2], [0, 5, 0], [1, 5, 0]]);
    expect(fpga?.epochs[1]?.meanPowerW).toBeCloseTo(27.2, 9);
    expect(fpga?.epochs[2]?.meanPowerW).toBeCloseTo(27.1, 9);
    expect(fpga).toMatchObject({ samples: 14, gaps: 2 });
  });
});
