/**
 * Failover experiments in the report (docs/report.md "Failover"): per experiment, the table per
 * sweep value (recovery time, packets lost, peak loss: min / median / max over replications), the
 * loss bands per sweep value around the trigger (the seed's plot_loss_only), loss with power per
 * device (plot_failover_loss) and the first run's zoomed loss with its recovery bracket.
 */
import { epochBands, powerBands, powerDevices, sweepTable, type RunAnalysis, type Spread, type SweepRun } from "../../analysis/failover/index.js";
import { bandsFigure, lossPowerFigure, zoomedLossFigure, type SweepBands } from "../failover/index.js";
import type { ReportRun } from "../model.js";
import type { ReportChart } from "../report-charts.js";
import { figure, h, table, type CellInput } from "./html.js";

export interface FailoverSections {
  readonly html: string;
  readonly charts: readonly ReportChart[];
}

function spreadCell(spread: Spread | null, digits: number, unit = ""): CellInput {
  if (spread === null) return { text: "-", numeric: true };
  const f = (value: number) => value.toFixed(digits);
  return { text: `${f(spread.min)} / ${f(spread.median)} / ${f(spread.max)}${unit}`, numeric: true, title: `n = ${spread.n}, mean ${f(spread.mean)}${unit}` };
}

function sweepLabel(run: ReportRun): string {
  return run.sweep === null ? "all" : `${run.sweep.parameter.split(".").at(-1)} = ${String(run.sweep.value)}`;
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "experiment";
}

function experimentSections(name: string, runs: readonly ReportRun[]): FailoverSections {
  const analysed = runs.filter((run): run is ReportRun & { failover: RunAnalysis } => run.failover != null);
  const skipped = runs.length - analysed.length;
  const sweepRuns: SweepRun[] = analysed.map((run) => ({ sweepValue: sweepLabel(run), analysis: run.failover }));
  const rows = sweepTable(sweepRuns).map((row): CellInput[] => [
    row.sweepValue,
    { text: `${row.recovered}/${row.replications}`, numeric: true },
    spreadCell(row.recoveryS, 2, " s"),
    spreadCell(row.lostPacketsAfterTrigger, 0),
    spreadCell(row.lostPackets, 0),
    spreadCell(row.peakLossPercent, 1, " %"),
  ]);
  const id = `failover-${slug(name)}`;
  const groups = new Map<string, RunAnalysis[]>();
  for (const run of sweepRuns) groups.set(run.sweepValue, [...(groups.get(run.sweepValue) ?? []), run.analysis]);
  const charts: ReportChart[] = [];
  const anchored = [...groups.values()].every((analyses) => analyses.every((analysis) => analysis.options.epochAnchor === "trigger"));
  if (analysed.length > 0 && anchored) {
    const loss: SweepBands[] = [...groups.entries()].map(([label, analyses]) => ({ label, bands: epochBands(analyses, "lossPercent") }));
    charts.push({ id: `${id}-loss-bands`, title: `${name}: loss % per epoch around the trigger, min / median / max over replications`, svg: bandsFigure({ id: `${id}-loss-bands`, title: `${name}: loss around the trigger`, sweeps: loss, yLabel: "loss %", windowS: [-1, 2] }) });
    const all = analysed.map((run) => run.failover);
    const power = powerDevices(all).map((device) => ({ device, bands: powerBands(all, device) }));
    if (power.length > 0) {
      charts.push({ id: `${id}-loss-power`, title: `${name}: loss around the trigger and power per device (all replications)`, svg: lossPowerFigure({ id: `${id}-loss-power`, title: `${name}: loss and power`, loss, lossLabel: "loss %", power }) });
    }
  }
  const first = analysed[0];
  if (first !== undefined) {
    const zoomId = `${id}-run-${first.id}-zoom`;
    charts.push({ id: zoomId, title: `${name}: run ${first.id} (${sweepLabel(first)}, replication ${first.replication}), loss around the trigger`, svg: zoomedLossFigure({ id: zoomId, title: `run ${first.id}: loss around the trigger`, analysis: first.failover }) });
  }
  const note = skipped > 0 ? `<p class="muted">${skipped} of ${runs.length} runs have no stored failover data (not run, interrupted, or failed before t0).</p>` : "";
  const html = [
    `<section class="experiment" id="${h(id)}"><h3>${h(name)} <span class="muted">(failover, ${runs.length} run${runs.length === 1 ? "" : "s"})</span></h3>`,
    table(["sweep value", "recovered", "recovery time min / median / max", "lost after trigger", "lost in run", "peak loss"], rows, { caption: "Per sweep value over its replications: recovery from the trigger to the first epoch back under the loss threshold" }),
    note,
    charts.map(figure).join(""),
    "</section>",
  ].join("");
  return { html, charts };
}

/** Every failover experiment's section, in campaign order; empty when the campaign has none. */
export function failoverSections(runs: readonly ReportRun[]): FailoverSections {
  const byName = new Map<string, ReportRun[]>();
  for (const run of runs.filter((candidate) => candidate.kind === "failover")) byName.set(run.experimentName, [...(byName.get(run.experimentName) ?? []), run]);
  if (byName.size === 0) return { html: "", charts: [] };
  const parts = [...byName.entries()].map(([name, group]) => experimentSections(name, group));
  return {
    html: `<section id="failover"><h2>Failover</h2>${parts.map((part) => part.html).join("")}</section>`,
    charts: parts.flatMap((part) => part.charts),
  };
}
