import { describe, expect, it } from "vitest";
import { analyzeRun, assembleLiveRun, type LiveInterval } from "../../../../controller/analysis/failover/index.js";
import { failoverRecords } from "../../../../controller/failover/store-records.js";
import { failoverSections } from "../../../../controller/report/html/failover-section.js";
import { storedFailoverRun } from "../../../../controller/report/failover-runs.js";
import type { ReportRun } from "../../../../controller/report/model.js";
import type { JsonValue, StoredEvent, StoredSample } from "../../../../controller/store/index.js";

const T0 = 1_800_000_000_000_000_000n;
const MS = 1_000_000n;

function interval(k: number, packets: number, lost: number): LiveInterval {
  const endS = (k + 1) / 10;
  return { startS: k / 10, endS, bytes: (packets - lost) * 1200, packets, lostPackets: lost, jitterMs: 0.01, retransmits: 0, rttMs: 0, omitted: false, atUnixNs: T0 + BigInt((k + 1) * 100 + 1) * MS, sender: false };
}

function analysed(lostAtTrigger: number) {
  const run = assembleLiveRun({
    events: [
      {
        clockOffsetNs: 0,
        events: [
          { name: "iperf_client", phase: "start", unixNs: T0, host: "client", detail: null },
          { name: "failover", phase: "start", unixNs: T0 + 1000n * MS, host: "dut", detail: "{\"pollMs\":100}" },
        ],
      },
    ],
    sessions: [{ id: "s0", protocol: "udp", server: { intervals: Array.from({ length: 30 }, (_, k) => (k === 11 ? interval(k, 400, lostAtTrigger) : interval(k, 400, 0))), clockOffsetNs: 0, fallbackAnchorUnixNs: T0 }, client: null, totals: null }],
    power: [{ clockOffsetNs: 0, series: [{ device: "dut/fpga", samples: Array.from({ length: 30 }, (_, k) => ({ unixNs: T0 + BigInt(k * 100) * MS, powerW: 45 })), gaps: [] }] }],
  });
  return { run, analysis: analyzeRun(run, { triggerEvent: "failover" }) };
}

/** What the store gives back for the rows (ids added, payloads as JSON). */
function stored(lostAtTrigger: number) {
  const { run, analysis } = analysed(lostAtTrigger);
  const records = failoverRecords(run, analysis);
  const events: StoredEvent[] = records.events.map((event, index) => ({ ...event, id: index + 1, runId: 1, payload: JSON.parse(JSON.stringify(event.payload)) as JsonValue }));
  const samples: StoredSample[] = records.samples.map((sample, index) => ({ id: index + 1, runId: 1, stream: sample.stream, atNs: sample.atNs, value: sample.value ?? null, values: sample.values === undefined ? null : (JSON.parse(JSON.stringify(sample.values)) as JsonValue) }));
  return { run, analysis, records, events, samples };
}

describe("stored failover runs", () => {
  it("come back from their rows with the same analysis", () => {
    const { analysis, records, events, samples } = stored(300);
    expect(records.results[0]).toMatchObject({ goalName: "failover", extra: { recoveryS: analysis.recovery.recoveryS, lostPacketsAfterTrigger: 300 } });
    const again = analyzeRun(storedFailoverRun(T0, "iperf_client", events, samples), { triggerEvent: "failover" });
    expect(again.recovery).toEqual(analysis.recovery);
    expect(again.totals.lostPacketsAfterTrigger).toBe(300);
    expect(again.power).toEqual(analysis.power);
  });

  it("render as a table per sweep value and figures", () => {
    const run = (id: number, pollMs: number, lost: number): ReportRun => ({
      id,
      experimentKey: `fo[action.params.pollMs=${pollMs}]`,
      experimentName: "fo",
      sweep: { parameter: "action.params.pollMs", value: pollMs },
      replication: 1,
      seed: 1,
      kind: "failover",
      status: "succeeded",
      testbed: "local",
      attempts: 1,
      errorCode: null,
      errorMessage: null,
      startedAtMs: null,
      endedAtMs: null,
      trials: [],
      goals: [],
      soaks: [],
      soakEstimates: [],
      failover: analysed(lost).analysis,
    });
    const sections = failoverSections([run(1, 10, 40), run(2, 100, 300), { ...run(3, 100, 0), failover: null }]);
    expect(sections.charts.map((chart) => chart.id)).toEqual(["failover-fo-loss-bands", "failover-fo-loss-power", "failover-fo-run-1-zoom"]);
    expect(sections.html).toContain("<td>pollMs = 10</td>");
    expect(sections.html).toContain("1 of 3 runs have no stored failover data");
    expect(sections.html).toMatch(/<td>pollMs = 100<\/td><td class="num">1\/1<\/td><td class="num"[^>]*>0\.20 \/ 0\.20 \/ 0\.20 s<\/td><td class="num"[^>]*>300 \/ 300 \/ 300<\/td>/);
    expect(failoverSections([]).html).toBe("");
  });
});
