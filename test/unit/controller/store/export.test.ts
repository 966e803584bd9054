import { describe, expect, it } from "vitest";
import { makeTrialResult } from "../../../../controller/search/measurer.js";
import { CSV_COLUMNS, exportCampaign, exportCampaignChunks, openStore, type Store } from "../../../../controller/store/index.js";
import { errorOf } from "./support/errors.js";
import { fixedClock, sampleResult, tempStorePath, throughputRun } from "./support/temp-store.js";

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let position = 0;
  while (position < text.length) {
    let field = "";
    if (text[position] === '"') {
      position++;
      for (;;) {
        const quote = text.indexOf('"', position);
        if (quote < 0) throw new Error("unterminated quoted field");
        field += text.slice(position, quote);
        position = quote + 1;
        if (text[position] !== '"') break;
        field += '"';
        position++;
      }
    } else {
      const end = text.slice(position).search(/,|\r\n/);
      field = end < 0 ? text.slice(position) : text.slice(position, position + end);
      if (/["\r\n]/.test(field)) throw new Error(`bare quote or line break in ${JSON.stringify(field)}`);
      position += field.length;
    }
    record.push(field);
    if (text.startsWith(",", position)) {
      position++;
    } else if (text.startsWith("\r\n", position)) {
      position += 2;
      records.push(record);
      record = [];
    } else {
      throw new Error(`expected , or CRLF at ${position}`);
    }
  }
  if (record.length > 0) throw new Error("the last record has no CRLF");
  return records;
}

const awkwardKey = 'throughput/"hard",10M\nline';

function campaignStore(): { store: Store; runIds: number[] } {
  const clock = fixedClock();
  const store = openStore(tempStorePath(), { clock });
  const older = store.createCampaign({ name: "nightly, lab", sourcePath: "/n.yaml", fileHash: "h0" });
  store.markCampaignCompleted(older.id);
  const campaign = store.createCampaign({ name: "nightly, lab", sourcePath: "/n.yaml", fileHash: "h1" }, [throughputRun(awkwardKey, 0), throughputRun("soak/plr", 1)]);
  const runIds = store.runsOf(campaign.id).map((run) => run.id);
  const [first, second] = runIds as [number, number];
  store.markRunStarted(first, { testbed: "bench-a" });
  const big = makeTrialResult({ durationS: 60, loadPps: 1.488e7, intendedCount: 2 ** 53 - 1, offeredCount: 2 ** 53 - 1, lostCount: 12_345 });
  store.insertTrial(first, { index: 1, warmup: true, result: sampleResult(1), startedAtMs: 10.5, endedAtMs: 20.25 });
  store.insertTrial(first, { index: 2, warmup: false, result: big });
  store.insertEvents(first, [{ atNs: 1_767_225_600_123_456_789n, source: "agent-1", kind: "start", payload: { rate: 1 } }]);
  store.insertSamples(first, [{ stream: "power:fpga0", atNs: 1_767_225_600_123_456_790n, value: 11.5 }]);
  store.markRunSucceeded(first, [{ kind: "goal", goalName: "NDR", lossRatio: 0, conditionalThroughputPps: 1e7, relevantLowerBoundPps: 1e7, relevantUpperBoundPps: 1.01e7, regular: true }]);
  store.markRunStarted(second, { testbed: "bench-b" });
  store.insertTrial(second, { index: 1, warmup: false, result: sampleResult(3) });
  return { store, runIds };
}

describe("exportCampaign as CSV", () => {
  it("is one table of trials with a header, RFC 4180 quoting and exact counts", () => {
    const { store, runIds } = campaignStore();
    try {
      const text = exportCampaign(store, "nightly, lab", { format: "csv" });
      const [header, ...rows] = parseCsv(text);
      expect(header).toEqual([...CSV_COLUMNS]);
      expect(rows).toHaveLength(3);
      const column = (row: string[] | undefined, name: (typeof CSV_COLUMNS)[number]) => row?.[CSV_COLUMNS.indexOf(name)];
      expect(rows.map((row) => column(row, "experiment"))).toEqual([awkwardKey, awkwardKey, "soak/plr"]);
      expect(rows.map((row) => column(row, "campaign"))).toEqual(["nightly, lab", "nightly, lab", "nightly, lab"]);
      expect(rows.map((row) => column(row, "run_id"))).toEqual([String(runIds[0]), String(runIds[0]), String(runIds[1])]);
      expect(rows.map((row) => column(row, "trial_index"))).toEqual(["1", "2", "1"]);
      expect(rows.map((row) => column(row, "warmup"))).toEqual(["true", "false", "false"]);
      expect(column(rows[1], "offered_count")).toBe("9007199254740991");
      expect(column(rows[1], "lost_count")).toBe("12345");
      expect(column(rows[1], "forwarded_count")).toBe(String(2 ** 53 - 1 - 12_345));
      expect(Number(column(rows[1], "loss_ratio"))).toBe(12_345 / (2 ** 53 - 1));
      expect(column(rows[0], "started_at_ms")).toBe("10.5");
      expect(column(rows[1], "started_at_ms")).toBe("");
      expect(column(rows[0], "load_pps")).toBe(String(sampleResult(1).loadPps));
      expect(column(rows[2], "run_status")).toBe("running");
    } finally {
      store.close();
    }
  });

  it("exports one run, named by id or EXPERIMENT#REPLICATION, a run at a time", () => {
    const { store, runIds } = campaignStore();
    try {
      const byId = exportCampaign(store, 2, { format: "csv", run: runIds[1] ?? -1 });
      const byName = exportCampaign(store, "2", { format: "csv", run: "soak/plr#1" });
      expect(byName).toBe(byId);
      expect(parseCsv(byId)).toHaveLength(2);
      expect([...exportCampaignChunks(store, 2, { format: "csv" })]).toHaveLength(3);
    } finally {
      store.close();
    }
  });
});

describe("exportCampaign as JSON", () => {
  it("is one document: the campaign, its runs with results and trials, events and samples on request", () => {
    const { store, runIds } = campaignStore();
    try {
      const doc = JSON.parse(exportCampaign(store, 2, { format: "json", events: true, samples: true }));
      expect(doc).toMatchObject({ format: "testbench-campaign", formatVersion: 1, schemaVersion: 1, campaign: { id: 2, name: "nightly, lab", fileHash: "h1", status: "running" } });
      expect(doc.runs).toHaveLength(2);
      const [first, second] = doc.runs;
      expect(first).toMatchObject({ id: runIds[0], experimentKey: awkwardKey, replication: 0, seed: 1000, status: "succeeded", testbed: "bench-a", attempts: 1, error: null });
      expect(first.parameters).toEqual({ device: { kind: "hard", mrrPps: 1e7 }, preset: "csit-ndrpdr" });
      expect(first.results).toEqual([{ runId: runIds[0], kind: "goal", goalName: "NDR", lossRatio: 0, conditionalThroughputPps: 1e7, relevantLowerBoundPps: 1e7, relevantUpperBoundPps: 1.01e7, regular: true, extra: null }]);
      expect(first.trials.map((trial: { index: number }) => trial.index)).toEqual([1, 2]);
      expect(first.trials[1]).toMatchObject({ offeredCount: 9_007_199_254_740_991, lostCount: 12_345, warmup: false, loadPps: 1.488e7, durationS: 60 });
      expect(first.trials[0]).toMatchObject({ ...sampleResult(1), startedAtMs: 10.5, endedAtMs: 20.25, directions: null });
      expect(first.events).toEqual([{ atNs: "1767225600123456789", source: "agent-1", kind: "start", payload: { rate: 1 } }]);
      expect(first.samples).toEqual([{ stream: "power:fpga0", atNs: "1767225600123456790", value: 11.5, values: null }]);
      expect(second.trials).toHaveLength(1);
      const plain = JSON.parse(exportCampaign(store, 2, { format: "json" }));
      expect(plain.runs[0].events).toBeUndefined();
      expect(plain.runs[0].trials).toEqual(first.trials);
      const empty = JSON.parse(exportCampaign(store, 1, { format: "json" }));
      expect(empty.runs).toEqual([]);
    } finally {
      store.close();
    }
  });
});

describe("export errors", () => {
  it("name an unknown campaign or run and list what the store holds", () => {
    const { store } = campaignStore();
    try {
      const campaign = errorOf(() => exportCampaign(store, "weekly", { format: "csv" }));
      expect(campaign.code).toBe("STORE_CAMPAIGN_UNKNOWN");
      expect(campaign.message).toContain('campaign "weekly" is not in the store');
      expect(campaign.message).toContain('it holds 1 "nightly, lab" (completed), 2 "nightly, lab" (running)');
      expect(errorOf(() => exportCampaign(store, 9, { format: "json" })).code).toBe("STORE_CAMPAIGN_UNKNOWN");
      const run = errorOf(() => exportCampaign(store, 2, { format: "json", run: "soak/plr#7" }));
      expect(run.code).toBe("STORE_RUN_UNKNOWN");
      expect(run.message).toContain('run "soak/plr#7" is not in campaign 2 "nightly, lab"');
      expect(run.message).toContain("soak/plr#1 (running)");
      expect(errorOf(() => exportCampaign(store, 2, { format: "xml" as "csv" })).code).toBe("STORE_EXPORT_FORMAT_INVALID");
      expect(errorOf(() => exportCampaign(store, 2, { format: "csv", events: true })).code).toBe("STORE_EXPORT_FORMAT_INVALID");
    } finally {
      store.close();
    }
  });

  it("reads from an inspected store while a run holds the lock", () => {
    const { store } = campaignStore();
    try {
      const reader = openStore(store.file, { mode: "inspect" });
      expect(exportCampaign(reader, 2, { format: "csv" })).toBe(exportCampaign(store, 2, { format: "csv" }));
      reader.close();
    } finally {
      store.close();
    }
  });
});
