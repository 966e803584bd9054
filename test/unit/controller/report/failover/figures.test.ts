/**
 * The failover figures as SVG strings: what each draws (trigger, outages, recovery, bands per sweep
 * value, power panels, zoom connectors), escaping, and determinism. Set TESTBENCH_FIGURE_DIR to
 * also write them there for a look.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeRun, epochBands, powerBands, type RunAnalysis } from "../../../../../controller/analysis/failover/index.js";
import { bandsFigure } from "../../../../../controller/report/failover/bands-figure.js";
import { lossFigure, zoomedLossFigure } from "../../../../../controller/report/failover/loss-figure.js";
import { lossPowerFigure } from "../../../../../controller/report/failover/loss-power-figure.js";
import { syntheticRun } from "../../analysis/failover/support/synthetic-run.js";

const meters = (offsetW: number) => [
  { device: "fpga12/1", baseW: 27.2 + offsetW, stepW: -0.1, sampleEveryS: 0.2, gapsAtS: [0.4] },
  { device: "fpga12/0", baseW: 24.6 + offsetW, stepW: 0.15, sampleEveryS: 0.2 },
];

/** Three poll intervals x three replications; a slower poll means a longer outage. */
function sweep(pollMs: number): RunAnalysis[] {
  return [0, 1, 2].map((replication) => analyzeRun(syntheticRun({ triggerAtS: 1.2 + replication * 0.03, outageS: 0.1 + pollMs / 100 + replication * 0.05, durationS: 4, power: meters(replication * 0.02) })));
}

const sweeps = [20, 10, 1].map((pollMs) => ({ label: `${pollMs} ms poll`, runs: sweep(pollMs) }));
const lossSweeps = sweeps.map((item) => ({ label: item.label, bands: epochBands(item.runs, "lossPercent") }));
const allRuns = sweeps.flatMap((item) => item.runs);
const single = analyzeRun(syntheticRun({ triggerAtS: 1.2, outageS: 0.3, sessionStartsS: [0, 0.05] }));

function count(svg: string, pattern: RegExp): number {
  return svg.match(new RegExp(pattern.source, "g"))?.length ?? 0;
}

function look(name: string, svg: string): void {
  const dir = process.env["TESTBENCH_FIGURE_DIR"];
  if (dir === undefined) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), svg);
}

describe("lossFigure", () => {
  const svg = lossFigure({ id: "loss", title: "Loss <run 1> & co", analysis: single });
  look("loss.svg", svg);

  it("draws every epoch with a loss figure as a point, the outage epochs shaded, the trigger and the recovery", () => {
    expect(count(svg, /class="point"/)).toBe(single.epochs.filter((row) => row.lossPercent !== null).length);
    expect(count(svg, /fill="#d9d9d9"/)).toBe(1 + single.epochs.filter((row) => row.lossGap === "outage").length);
    expect(svg).toContain('<g class="trigger">');
    expect(count(svg, /<g class="event">/)).toBe(2);
    expect(svg).toContain("recovery 0.4 s");
    expect(svg).toContain("<title>1.4-1.5 s: loss 85.7 % (300 of 350 datagrams)</title>");
  });

  it("escapes the title and keeps the data inside its clip path", () => {
    expect(svg).toContain("<title id=\"loss-title\">Loss &lt;run 1&gt; &amp; co</title>");
    expect(svg).not.toContain("<run 1>");
    expect(svg).toContain('<clipPath id="loss-clip">');
    expect(svg).toContain('clip-path="url(#loss-clip)"');
  });

  it("zooms to 1 s before and 2 s after the trigger with exact axis ends", () => {
    const zoomed = zoomedLossFigure({ id: "zoom", title: "zoom", analysis: single });
    look("zoom.svg", zoomed);
    expect(zoomed).toContain("from 0.2 to 3.2 s");
    expect(count(zoomed, /class="point"/)).toBeLessThan(count(svg, /class="point"/));
  });

  it("says when the run does not recover", () => {
    const never = analyzeRun(syntheticRun({ triggerAtS: 2.5, outageS: 1 }));
    expect(lossFigure({ id: "n", title: "n", analysis: never })).toContain("not recovered before the data ends");
  });

  it("is deterministic", () => {
    expect(lossFigure({ id: "loss", title: "Loss <run 1> & co", analysis: single })).toBe(svg);
  });
});

describe("bandsFigure", () => {
  const svg = bandsFigure({ id: "bands", title: "Loss across replications", sweeps: lossSweeps, yLabel: "datagram loss (%)", windowS: [-0.5, 1.5] });
  look("bands.svg", svg);

  it("draws a band and a median line per sweep value, in the notebook's line styles", () => {
    expect(count(svg, /<g class="band-series">/)).toBe(3);
    expect(count(svg, /<polygon/)).toBeGreaterThanOrEqual(3);
    expect(svg).toContain("20 ms poll (median, n=3)");
    expect(svg).toContain('stroke-dasharray="2 3"');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain("time since the trigger (s)");
  });

  it("puts a tooltip with the spread on each median point", () => {
    expect(svg).toMatch(/<title>1 ms poll, 0\.1-0\.2 s: median [\d.]+, min [\d.]+, max [\d.]+ \(n=\d\)<\/title>/);
  });

  it("scales values with `factor` (throughput in Gbit/s)", () => {
    const throughput = bandsFigure({ id: "t", title: "t", sweeps: [{ label: "a", bands: epochBands(sweeps[0]?.runs ?? [], "throughputBps") }], yLabel: "goodput (Mbit/s)", factor: 1e-6 });
    expect(throughput).toContain("median 38.4,");
  });
});

describe("lossPowerFigure", () => {
  const power = ["fpga12/1", "fpga12/0"].map((device, index) => ({ device, label: index === 0 ? "Primary FPGA" : "Failover FPGA", bands: powerBands(allRuns, device) }));
  const svg = lossPowerFigure({ id: "lp", title: "Loss and power", loss: lossSweeps, lossLabel: "datagram loss (%)", power });
  look("loss-power.svg", svg);

  it("stacks the zoomed loss bands over one power panel per device, with zoom connectors", () => {
    expect(count(svg, /<g class="power-panel">/)).toBe(2);
    expect(svg).toContain("Primary FPGA");
    expect(svg).toContain("Failover FPGA");
    expect(svg).toContain('<g class="zoom">');
    expect(count(svg, /<g class="trigger">/)).toBe(3);
    expect(count(svg, /<clipPath id="lp-/)).toBe(3);
    expect(svg).toContain("power (W)");
  });

  it("draws loss alone when there is no meter", () => {
    const alone = lossPowerFigure({ id: "l", title: "l", loss: lossSweeps, lossLabel: "loss", power: [] });
    expect(alone).not.toContain('<g class="zoom">');
    expect(alone).toContain("power of no device");
  });
});
