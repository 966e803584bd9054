/**
 * `testbench report CAMPAIGN`: read a campaign from the store, write the self-contained HTML page,
 * and save every chart as its own .svg file (for papers) in `svgDir`, by default `<name>-charts/`
 * next to the page. The page is written to a temporary file and renamed, so a reader never sees a
 * half-written report.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Clock } from "../../common/clock.js";
import { TestbenchError, ValidationError, quote } from "../../common/errors.js";
import type { CampaignRef, Store } from "../store/index.js";
import { renderCampaignReportWithCharts } from "./html/page.js";
import { loadCampaignReport } from "./load-report-data.js";

export interface WriteReportOptions {
  /** The HTML file to write (its folder is created). */
  readonly outFile: string;
  /** Where the .svg files go; default `<outFile without .html>-charts` next to it. */
  readonly svgDir?: string;
  /** Stamps the generation time into the page; without it the page has none (same data, same bytes). */
  readonly clock?: Clock;
}

export interface WrittenReport {
  /** Absolute path of the page. */
  readonly htmlFile: string;
  /** Absolute paths of the chart files, in page order. */
  readonly svgFiles: readonly string[];
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function defaultSvgDir(outFile: string): string {
  const parsed = path.parse(path.resolve(outFile));
  const stem = /^\.html?$/i.test(parsed.ext) ? parsed.name : parsed.base;
  return path.join(parsed.dir, `${stem}-charts`);
}

function writeFailed(file: string, what: string, cause: unknown): TestbenchError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new TestbenchError("REPORT_WRITE_FAILED", `could not write the report's ${what} ${file}: ${reason}; check that the folder exists or can be created and is writable`, {
    context: { file },
    cause,
  });
}

function checkPathOption(name: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new ValidationError("REPORT_OPTION_INVALID", `report option ${name} must be a file path, got ${quote(value)}`, { context: { option: name } });
  }
  return path.resolve(value);
}

function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw writeFailed(file, "page", error);
  }
}

export function writeCampaignReport(store: Store, campaignRef: CampaignRef, options: WriteReportOptions): WrittenReport {
  const htmlFile = checkPathOption("outFile", options.outFile);
  const svgDir = options.svgDir === undefined ? defaultSvgDir(htmlFile) : checkPathOption("svgDir", options.svgDir);
  const data = loadCampaignReport(store, campaignRef, options.clock === undefined ? {} : { clock: options.clock });
  const { html, charts } = renderCampaignReportWithCharts(data);
  const svgFiles = charts.map((chart) => path.join(svgDir, `${chart.id}.svg`));
  if (charts.length > 0) {
    try {
      mkdirSync(svgDir, { recursive: true });
    } catch (error) {
      throw writeFailed(svgDir, "chart folder", error);
    }
  }
  charts.forEach((chart, index) => {
    const file = svgFiles[index] as string;
    try {
      writeFileSync(file, `${XML_DECLARATION}${chart.svg}\n`);
    } catch (error) {
      throw writeFailed(file, "chart", error);
    }
  });
  writeAtomically(htmlFile, html);
  return { htmlFile, svgFiles };
}
