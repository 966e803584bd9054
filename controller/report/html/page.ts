/**
 * The campaign report as one self-contained HTML page: inline CSS and inline SVG, no scripts, and
 * a Content-Security-Policy that forbids every network fetch.
 */
import { formatTimeMs } from "../format.js";
import { groupExperiments, summarizeExperiments } from "../experiment-summary.js";
import type { CampaignReportData } from "../model.js";
import { campaignCharts, experimentAnchor, type ReportChart } from "../report-charts.js";
import { headerSection } from "./header-section.js";
import { h } from "./html.js";
import { failoverSections } from "./failover-section.js";
import { LBSIM_CSS } from "../lbsim/page.js";
import { lbsimSections } from "./lbsim-section.js";
import { experimentSection } from "./run-section.js";
import { REPORT_CSS } from "./styles.js";
import { summarySection } from "./summary-section.js";

export interface RenderedReport {
  readonly html: string;
  /** Every chart in the page, in page order (the writer saves each as `<id>.svg`). */
  readonly charts: readonly ReportChart[];
}

const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderCampaignReportWithCharts(data: CampaignReportData): RenderedReport {
  const failover = failoverSections(data.runs);
  const lbsim = lbsimSections(data.runs);
  const groups = groupExperiments(summarizeExperiments(data.runs.filter((run) => run.kind !== "failover" && run.kind !== "lbsim")));
  const charts = campaignCharts(groups);
  const experiments = groups.flatMap((group) => group.experiments);
  const toc = experiments.map((experiment) => `<li><a href="#${experimentAnchor(experiment.experimentKey)}">${h(experiment.experimentKey)}</a></li>`).join("");
  const generated = data.generatedAtMs === null ? "" : ` on ${h(formatTimeMs(data.generatedAtMs))}`;
  const html = [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Testbench">`,
    `<title>Campaign ${h(data.campaign.name)}: Testbench report</title>`,
    `<style>${REPORT_CSS}${lbsim.html === "" ? "" : LBSIM_CSS}</style></head><body><main>`,
    headerSection(data),
    experiments.length > 1 ? `<nav class="toc"><h4>Experiments</h4><ul>${toc}</ul></nav>` : "",
    // A campaign of lbsim experiments only has no throughput summary or run list to show.
    lbsim.html !== "" && groups.length === 0 ? "" : summarySection(groups, charts),
    failover.html,
    lbsim.html,
    lbsim.html !== "" && experiments.length === 0 ? "" : `<section id="experiments"><h2>Experiments and runs</h2>${experiments.map((experiment) => experimentSection(experiment, charts)).join("")}</section>`,
    `<footer>Made by Testbench${generated} from ${h(data.campaign.storeFile)}. How to read this report: docs/report.md.</footer>`,
    "</main></body></html>",
  ].join("\n");
  return { html, charts: [...charts.all, ...failover.charts, ...lbsim.charts] };
}

/** The report page for a campaign's data (pure: same data, same bytes). */
export function renderCampaignReport(data: CampaignReportData): string {
  return renderCampaignReportWithCharts(data).html;
}
