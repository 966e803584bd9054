/** The campaign report (docs/report.md): load from the store, render pure, write HTML and SVG files. */
export { writeCampaignReport, defaultSvgDir, type WriteReportOptions, type WrittenReport } from "./write-report.js";
export { renderCampaignReport, renderCampaignReportWithCharts, type RenderedReport } from "./html/page.js";
export { loadCampaignReport, soakEstimatesOf, SOAK_ESTIMATE_STREAM, type LoadReportOptions } from "./load-report-data.js";
export { campaignCharts, type CampaignCharts, type ReportChart } from "./report-charts.js";
export { groupExperiments, summarizeExperiments, type ExperimentGroup, type ExperimentSummary, type MetricRow } from "./experiment-summary.js";
export type * from "./model.js";
