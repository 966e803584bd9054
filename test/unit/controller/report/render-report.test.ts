import { describe, expect, it } from "vitest";
import { summarize } from "../../../../controller/analysis/index.js";
import { renderCampaignReport, renderCampaignReportWithCharts } from "../../../../controller/report/index.js";
import { formatPps } from "../../../../controller/report/format.js";
import { campaignData, goal, pointCount, run } from "./support/report-data.js";

const runs = [
  run(1, { replication: 0, goals: [goal("NDR", 0, 9.9e6, 1e7), goal("PDR", 0.005, 9.95e6, 1e7)] }),
  run(2, { replication: 1, goals: [goal("NDR", 0, 9.8e6, 9.9e6), goal("PDR", 0.005, 9.9e6, 1e7)] }),
  run(3, { replication: 2, status: "failed", errorCode: "AGENT_UNREACHABLE", errorMessage: "agent <a1> at ws://10.0.0.1 did not answer", goals: [], trials: [] }),
  run(4, { replication: 3, status: "interrupted", goals: [] }),
];

describe("renderCampaignReport", () => {
  it("heads the page with the campaign, its times and the counts of runs by status", () => {
    const html = renderCampaignReport(campaignData(runs));
    expect(html).toContain("<h1>Campaign nightly</h1>");
    expect(html).toContain("/labs/nightly.yaml");
    expect(html).toContain("2026-01-01 08:00:00 UTC");
    expect(html).toContain("2026-01-01 09:02:05 UTC");
    expect(html).toContain('data-count="succeeded">2<');
    expect(html).toContain('data-count="failed">1<');
    expect(html).toContain('data-count="interrupted">1<');
    expect(html).not.toContain('data-count="pending"');
  });

  it("lists every failed run with its error code and message, escaped", () => {
    const html = renderCampaignReport(campaignData(runs));
    expect(html).toContain("<code>AGENT_UNREACHABLE</code>");
    expect(html).toContain("agent &lt;a1&gt; at ws://10.0.0.1 did not answer");
    expect(html).not.toContain("<a1>");
  });

  it("tabulates n, mean, stdev, the t interval, min and max of the conditional throughput per goal", () => {
    const html = renderCampaignReport(campaignData(runs));
    const ndr = summarize([9.9e6, 9.8e6]);
    const row = new RegExp(`<td>NDR</td><td class="num">4</td><td class="num" title="[^"]*">2</td><td class="num"[^>]*>${formatPps(ndr.mean)}</td><td class="num"[^>]*>${formatPps(ndr.stdev)}</td><td class="num"[^>]*>${formatPps(ndr.interval?.low ?? 0)} … ${formatPps(ndr.interval?.high ?? 0)}</td><td class="num"[^>]*>9.8 Mpps</td><td class="num"[^>]*>9.9 Mpps</td>`);
    expect(html).toMatch(row);
    // 9.85 Mpps - t(0.975, 1) 12.7062 * 70,710.7 / sqrt(2) = 9.85 Mpps - 635.31 kpps
    expect(formatPps(ndr.interval?.low ?? 0)).toBe("9.21469 Mpps");
  });

  it("escapes names everywhere and fetches nothing: no scripts, no URLs, a CSP that forbids loads", () => {
    const hostile = `<script>alert("x")</script>`;
    const html = renderCampaignReport(campaignData([run(1, { experimentKey: hostile, experimentName: hostile, goals: [goal(`"><img src=x>`, 0, 1e6, 2e6)] })], hostile));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:`);
    const urls = html.match(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'<)]*/gi) ?? [];
    expect(urls.filter((url) => url !== "http://www.w3.org/2000/svg")).toEqual([]);
  });

  it("inlines every chart it returns, each with data points, with ids unique on the page", () => {
    const { html, charts } = renderCampaignReportWithCharts(campaignData(runs));
    expect(charts.map((chart) => chart.id)).toEqual(["experiment-1-hard-10m-bounds", "run-1-trials", "run-1-loss", "run-2-trials", "run-2-loss", "run-4-trials", "run-4-loss"]);
    for (const chart of charts) {
      expect(html).toContain(chart.svg);
      expect(pointCount(chart.svg)).toBeGreaterThan(0);
    }
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("is the same bytes for the same data, and stamps the generation time when given", () => {
    const data = campaignData(runs);
    expect(renderCampaignReport(data)).toBe(renderCampaignReport(data));
    expect(renderCampaignReport({ ...data, generatedAtMs: Date.UTC(2026, 0, 3) })).toContain("Made by Testbench on 2026-01-03 00:00:00 UTC");
  });

  it("says so when the campaign has no runs", () => {
    const { html, charts } = renderCampaignReportWithCharts(campaignData([]));
    expect(charts).toEqual([]);
    expect(html).toContain("The campaign has no runs.");
  });
});
