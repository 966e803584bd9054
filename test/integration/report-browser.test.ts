/**
 * The report opened in Debian's headless Chromium: every chart drew (data points that take up
 * room on screen), the console stays free of errors, nothing is fetched beyond the file itself,
 * and every standalone chart file opens as an SVG image. Skips, naming what is missing, when
 * Chromium or playwright-core is not installed.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCampaignReport, type WrittenReport } from "../../controller/report/index.js";
import { openStore } from "../../controller/store/index.js";
import { buildDemoStore, CAMPAIGN_NAME, type DemoStore } from "../unit/controller/report/support/campaign-store.js";
import { chromiumUnavailable, launchChromium, type BrowserPage, type HeadlessChromium } from "../unit/controller/report/support/headless-chromium.js";

const SCREENSHOT_FILE = "/tmp/testbench-report.png";
const unavailable = await chromiumUnavailable();
if (unavailable !== null) console.warn(`report-browser.test.ts: the browser checks are SKIPPED: ${unavailable}`);
const browserIt = it.skipIf(unavailable !== null);
const skipNote = unavailable === null ? "" : ` [SKIPPED: ${unavailable}]`;

interface ChartCheck {
  readonly id: string;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly points: number;
  /** Points with a non-empty box on screen. */
  readonly pointsDrawn: number;
  readonly titles: number;
}

const CHART_CHECKS = `(() => Array.from(document.querySelectorAll("svg.chart")).map((svg) => {
  const box = svg.getBoundingClientRect();
  const points = Array.from(svg.querySelectorAll(".point"));
  const drawn = points.filter((point) => { const r = point.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
  return { id: svg.id, widthPx: box.width, heightPx: box.height, points: points.length, pointsDrawn: drawn.length, titles: svg.querySelectorAll(".point > title").length };
}))()`;

interface PageWatch {
  readonly errors: string[];
  readonly requests: string[];
}

function watch(page: BrowserPage): PageWatch {
  const watched: PageWatch = { errors: [], requests: [] };
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") watched.errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => watched.errors.push(`page error: ${error.message}`));
  page.on("request", (request) => watched.requests.push(request.url()));
  page.on("requestfailed", (request) => watched.errors.push(`request failed: ${request.url()}`));
  return watched;
}

describe("the campaign report in headless Chromium", () => {
  let demo: DemoStore;
  let written: WrittenReport;
  let browser: HeadlessChromium | undefined;

  beforeAll(async () => {
    demo = await buildDemoStore();
    const store = openStore(demo.file, { mode: "inspect" });
    try {
      written = writeCampaignReport(store, CAMPAIGN_NAME, { outFile: path.join(demo.folder, "report.html") });
    } finally {
      store.close();
    }
    if (unavailable === null) browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(demo.folder, { recursive: true, force: true });
  });

  browserIt(`draws every chart with its data points, with no console error and no request beyond the file${skipNote}`, async () => {
    const page = await (browser as HeadlessChromium).newPage();
    const watched = watch(page);
    await page.setViewportSize({ width: 1200, height: 900 });
    const url = pathToFileURL(written.htmlFile).href;
    await page.goto(url, { waitUntil: "load" });
    const charts = await page.evaluate<ChartCheck[]>(CHART_CHECKS);
    await page.screenshot({ path: SCREENSHOT_FILE, fullPage: true });
    await page.close();

    expect(charts.map((chart) => chart.id)).toEqual(written.svgFiles.map((file) => path.basename(file, ".svg")));
    expect(charts.length).toBeGreaterThanOrEqual(20);
    for (const chart of charts) {
      expect(chart.widthPx, chart.id).toBeGreaterThan(300);
      expect(chart.heightPx, chart.id).toBeGreaterThan(100);
      expect(chart.points, chart.id).toBeGreaterThan(0);
      expect(chart.pointsDrawn, chart.id).toBe(chart.points);
      expect(chart.titles, chart.id).toBeGreaterThan(0);
    }
    expect(watched.errors).toEqual([]);
    expect(watched.requests).toEqual([url]);
  });

  browserIt(`opens every standalone chart file as an SVG image${skipNote}`, async () => {
    const page = await (browser as HeadlessChromium).newPage();
    const watched = watch(page);
    for (const file of written.svgFiles) {
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      const shown = await page.evaluate<{ root: string; errors: number; points: number; width: number }>(
        `({ root: document.documentElement.localName, errors: document.getElementsByTagName("parsererror").length, points: document.querySelectorAll(".point").length, width: document.documentElement.getBoundingClientRect().width })`,
      );
      expect(shown, file).toMatchObject({ root: "svg", errors: 0 });
      expect(shown.points, file).toBeGreaterThan(0);
      expect(shown.width, file).toBeGreaterThan(300);
    }
    await page.close();
    expect(watched.errors).toEqual([]);
    expect(watched.requests).toEqual(written.svgFiles.map((file) => pathToFileURL(file).href));
  });
});
