/**
 * The recorded failover runs in ../shared/fixtures/iperf3 (real iperf3 3.12 across network
 * namespaces; the link went down at fail_link, a simulated controller re-routed at failover),
 * loaded through controller/failover-io and analysed. The numbers were checked against a line-by-
 * line Python port of the lab notebook's read_iperf_losses and an independent Python overlap
 * computation (docs/failover-analysis.md); they agree to 3 decimals (the Python works in float
 * epoch seconds, which lose ~100 ns). The test prints the epochs around the trigger and writes the
 * figures to <tmpdir>/testbench-failover-figures (overwritten on every run).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeRun, epochBands, type EpochRow, type RunAnalysis } from "../../../../controller/analysis/failover/index.js";
import { loadFailoverRun } from "../../../../controller/failover-io/index.js";
import { bandsFigure } from "../../../../controller/report/failover/bands-figure.js";
import { lossFigure, zoomedLossFigure } from "../../../../controller/report/failover/loss-figure.js";
import { sharedDir } from "../../../helpers/paths.js";

const udpRun = loadFailoverRun(path.join(sharedDir, "fixtures/iperf3/failover_run"));
const tcpRun = loadFailoverRun(path.join(sharedDir, "fixtures/iperf3/failover_run_tcp"));

function epoch(analysis: RunAnalysis, index: number): EpochRow {
  const found = analysis.epochs.find((row) => row.index === index);
  if (found === undefined) throw new Error(`no epoch ${index}`);
  return found;
}

function fixed(value: number | null, digits: number): string {
  return value === null ? "-" : value.toFixed(digits);
}

/** The epochs from 0.3 s before to 0.8 s after the trigger, one line each. */
function table(name: string, analysis: RunAnalysis): string {
  const lines = [`${name}: trigger ${analysis.options.triggerEvent} at ${(analysis.triggerAtNs / 1e9).toFixed(6)} s; recovery ${fixed(analysis.recovery.recoveryS, 3)} s; lost ${analysis.totals.lostPackets ?? "-"} (after trigger ${analysis.totals.lostPacketsAfterTrigger ?? "-"}), retransmits ${analysis.totals.retransmits ?? "-"}`];
  lines.push(" epoch  start_s  expected    lost  loss_%  Mbit/s  rtt_ms  retr");
  for (const row of analysis.epochs.filter((candidate) => candidate.startNs >= analysis.triggerAtNs - 3e8 && candidate.startNs < analysis.triggerAtNs + 8e8)) {
    const loss = row.lossPercent === null ? (row.lossGap ?? "-") : row.lossPercent.toFixed(2);
    lines.push(`${String(row.index).padStart(6)} ${(row.startNs / 1e9).toFixed(4).padStart(8)} ${fixed(row.packets, 1).padStart(9)} ${fixed(row.lostPackets, 1).padStart(7)} ${loss.padStart(7)} ${fixed(row.throughputBps === null ? null : row.throughputBps / 1e6, 1).padStart(7)} ${fixed(row.rttMs, 3).padStart(7)} ${row.retransmits.toFixed(0).padStart(5)}`);
  }
  return lines.join("\n");
}

describe("the recorded UDP failover run", () => {
  const analysis = analyzeRun(udpRun);

  it("puts both sessions and the events on one axis from the iperf_client event", () => {
    expect(udpRun.originUnixNs).toBe(1795383005227546000n);
    expect(udpRun.events.find((event) => event.name === "failover")?.atNs).toBe(1465446000);
    expect(analysis.triggerAtNs).toBe(1158018300);
    // Sessions start 5.0 ms and 160.5 ms after the clients were launched (the second 0.15 s later).
    expect(udpRun.sessions.map((session) => Math.round((session.received[0]?.startNs ?? 0) / 1e5) / 10)).toEqual([5, 160.5]);
    expect(udpRun.warnings).toEqual([]);
  });

  it("shows the outage, the loss spike after it and the recovery", () => {
    console.log(table("failover_run (UDP, 2 sessions x 20 Mbit/s)", analysis));
    expect(epoch(analysis, 0)).toMatchObject({ lossPercent: 0 });
    expect(epoch(analysis, 1)).toMatchObject({ lossPercent: null, lossGap: "outage" });
    expect(epoch(analysis, 2).lossPercent).toBeCloseTo(89.2308, 3);
    expect(epoch(analysis, 2).lostPackets).toBeCloseTo(338.21, 2);
    expect(epoch(analysis, 3).lossPercent).toBeCloseTo(73.5236, 3);
    expect(epoch(analysis, 4).lossPercent).toBeCloseTo(3.6629, 3);
    expect(epoch(analysis, 5).lossPercent).toBe(0);
    expect(analysis.recovery).toMatchObject({ disrupted: true, disruptedFromNs: 1258018300, recoveredAtNs: 1658018300, recoveryS: 0.5 });
    expect(analysis.recovery.peak?.index).toBe(2);
  });

  it("counts the datagrams lost: 638 + 640, all after the trigger, as end.sum_received says", () => {
    expect(analysis.totals).toMatchObject({ packets: 12498, lostPackets: 1278, lostPacketsAfterTrigger: 1278 });
    expect(udpRun.sessions.map((session) => session.totals?.lostPackets)).toEqual([638, 640]);
  });

  it("gives the notebook's own numbers with its binning (ceil(t*10)/10 from iperf_client)", () => {
    const notebook = analyzeRun(udpRun, { attribution: "interval-end", epochAnchor: "origin" });
    const expected: Array<[number, number, number]> = [[9, 0, 416], [10, 0, 418], [11, 0, 415], [12, 0, 121], [13, 0, 0], [14, 0, 0], [15, 1278, 1546], [16, 0, 418], [17, 0, 416], [18, 0, 417]];
    expect(expected.map(([index]) => [index, epoch(notebook, index).lostPackets, epoch(notebook, index).packets])).toEqual(expected);
    expect(epoch(notebook, 15).lossPercent).toBeCloseTo(82.6649, 4);
    expect(notebook.recovery.recoveryS).toBeCloseTo(0.4419817, 7);
  });
});

describe("the recorded TCP failover run", () => {
  const analysis = analyzeRun(tcpRun);

  it("infers loss from the goodput shortfall and recovers when the RTO back-off ends", () => {
    console.log(table("failover_run_tcp (TCP, 2 sessions, no rate limit)", analysis));
    expect(analysis.lossBasis).toBe("tcp-throughput");
    expect((analysis.tcpBaselineBps ?? 0) / 1e9).toBeCloseTo(29.5293, 4);
    expect(epoch(analysis, -1).lossPercent).toBeCloseTo(9.2177, 3);
    expect(epoch(analysis, 2).lossPercent).toBe(100);
    expect(epoch(analysis, 6).lossPercent).toBeCloseTo(46.845, 3);
    expect(epoch(analysis, 7).lossPercent).toBeCloseTo(4.9702, 3);
    expect(analysis.recovery).toMatchObject({ thresholdPercent: 10, recoveryS: 0.7 });
    expect(analysis.totals).toMatchObject({ lostPackets: null, retransmits: 3157, retransmitsAfterTrigger: 1896 });
    expect(epoch(analysis, 0).rttMs).toBeGreaterThan(0.2);
  });
});

describe("the fixture figures", () => {
  it("writes the loss, zoomed and band figures (open them to look)", () => {
    const dir = path.join(os.tmpdir(), "testbench-failover-figures");
    mkdirSync(dir, { recursive: true });
    const udp = analyzeRun(udpRun);
    const tcp = analyzeRun(tcpRun);
    const files: Record<string, string> = {
      "udp-loss.svg": lossFigure({ id: "udp-loss", title: "UDP failover: loss per 100 ms epoch", analysis: udp }),
      "udp-zoom.svg": zoomedLossFigure({ id: "udp-zoom", title: "UDP failover: around the trigger", analysis: udp }),
      "tcp-zoom.svg": zoomedLossFigure({ id: "tcp-zoom", title: "TCP failover: around the trigger", analysis: tcp }),
      "tcp-goodput.svg": bandsFigure({ id: "tcp-goodput", title: "TCP failover: goodput", sweeps: [{ label: "TCP run", bands: epochBands([tcp], "throughputBps") }], yLabel: "goodput (Gbit/s)", factor: 1e-9, windowS: [-1, 2] }),
    };
    for (const [name, svg] of Object.entries(files)) {
      writeFileSync(path.join(dir, name), `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
    console.log(`failover figures: ${dir}`);
    expect(files["udp-zoom.svg"]).toContain("recovery 0.5 s");
    expect(files["tcp-zoom.svg"]).toContain("recovery 0.7 s");
  });
});
