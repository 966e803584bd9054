/**
 * lbsim experiments in the campaign report (docs/report.md, docs/lbsim.md): per experiment, its
 * stored runs summarized across replications (summarizeLbsimRuns) into the notebook's 1-5 scoring
 * table and a box plot per scored metric, the pieces of the standalone `testbench lbsim` page.
 */
import { summarizeLbsimRuns, type LbsimRun } from "../../lbsim/index.js";
import { lbsimBoxPlots, lbsimScoringNote, lbsimScoringTable } from "../lbsim/page.js";
import type { ReportRun } from "../model.js";
import type { ReportChart } from "../report-charts.js";
import { figure, h } from "./html.js";

export interface LbsimSections {
  readonly html: string;
  readonly charts: readonly ReportChart[];
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "experiment";
}

function experimentSection(name: string, runs: readonly ReportRun[]): LbsimSections {
  const stored: LbsimRun[] = runs.flatMap((run) => run.lbsim ?? []);
  const id = `lbsim-${slug(name)}`;
  const withData = runs.filter((run) => (run.lbsim ?? []).length > 0).length;
  const charts: ReportChart[] = [];
  const parts = summarizeLbsimRuns(stored).map((summary, index) => {
    const plots = lbsimBoxPlots(summary, stored, `${id}-${index}`);
    charts.push(...plots);
    return `<h4>scenario ${h(summary.scenario)}</h4>${lbsimScoringNote(summary)}${lbsimScoringTable(summary)}${plots.map(figure).join("")}`;
  });
  const note = withData < runs.length ? `<p class="muted">${runs.length - withData} of ${runs.length} runs have no stored results (not run, interrupted, or failed).</p>` : "";
  const html = `<section class="experiment" id="${h(id)}"><h3>${h(name)} <span class="muted">(lbsim, ${withData} of ${runs.length} replication${runs.length === 1 ? "" : "s"} stored)</span></h3>${note}${parts.join("")}</section>`;
  return { html, charts };
}

/** Every lbsim experiment's section, in campaign order; empty when the campaign has none. */
export function lbsimSections(runs: readonly ReportRun[]): LbsimSections {
  const byName = new Map<string, ReportRun[]>();
  for (const run of runs.filter((candidate) => candidate.kind === "lbsim")) byName.set(run.experimentName, [...(byName.get(run.experimentName) ?? []), run]);
  if (byName.size === 0) return { html: "", charts: [] };
  const parts = [...byName.entries()].map(([name, group]) => experimentSection(name, group));
  return { html: `<section id="lbsim"><h2>Load-balancing simulator</h2>${parts.map((part) => part.html).join("")}</section>`, charts: parts.flatMap((part) => part.charts) };
}
