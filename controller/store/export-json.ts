/**
 * The JSON export: one document, the campaign with its runs, each with its results and trials (and
 * on request its events and samples). Written a run at a time; nanosecond times are decimal strings
 * (exact beyond 2^53), counts are exact integers.
 */
import { lossRatio } from "../search/measurer.js";
import type { CampaignRecord, RunRecord, StoredEvent, StoredSample, StoredTrial } from "./records.js";
import { SCHEMA_VERSION } from "./schema.js";
import type { Store } from "./store.js";

export const JSON_EXPORT_FORMAT = "testbench-campaign";
export const JSON_EXPORT_VERSION = 1;

export interface JsonExportParts {
  readonly events: boolean;
  readonly samples: boolean;
}

function trialJson(trial: StoredTrial): object {
  const { result } = trial;
  return {
    index: trial.index,
    warmup: trial.warmup,
    durationS: result.durationS,
    loadPps: result.loadPps,
    intendedCount: result.intendedCount,
    offeredCount: result.offeredCount,
    forwardedCount: result.forwardedCount,
    lostCount: result.lostCount,
    lossRatio: lossRatio(result),
    offeredDurationS: result.offeredDurationS,
    durationWithOverheadsS: result.durationWithOverheadsS,
    startedAtMs: trial.startedAtMs,
    endedAtMs: trial.endedAtMs,
    directions: trial.directions,
    power: trial.power,
  };
}

function eventJson(event: StoredEvent): object {
  return { atNs: event.atNs.toString(), source: event.source, kind: event.kind, payload: event.payload };
}

function sampleJson(sample: StoredSample): object {
  return { stream: sample.stream, atNs: sample.atNs.toString(), value: sample.value, values: sample.values };
}

function runJson(store: Store, run: RunRecord, parts: JsonExportParts): string {
  const { id, experimentKey, replication, seed, kind, parameters, testbed, status, attempts, startedAtMs, endedAtMs } = run;
  const error = run.errorCode === null ? null : { code: run.errorCode, message: run.errorMessage };
  const head = JSON.stringify({ id, experimentKey, replication, seed, kind, parameters, testbed, status, attempts, error, startedAtMs, endedAtMs, results: store.resultsOf(id) });
  const trials = store.trialsOf(id).map((trial) => JSON.stringify(trialJson(trial)));
  const extras = [
    parts.events ? `,"events":${JSON.stringify(store.eventsOf(id).map(eventJson))}` : "",
    parts.samples ? `,"samples":${JSON.stringify(store.samplesOf(id).map(sampleJson))}` : "",
  ].join("");
  const trialList = trials.length === 0 ? "[]" : `[\n${trials.join(",\n")}\n]`;
  return `${head.slice(0, -1)}${extras},"trials":${trialList}}`;
}

export function* jsonChunks(store: Store, campaign: CampaignRecord, runs: readonly RunRecord[], parts: JsonExportParts): Generator<string> {
  const header = { format: JSON_EXPORT_FORMAT, formatVersion: JSON_EXPORT_VERSION, schemaVersion: SCHEMA_VERSION, campaign };
  yield `${JSON.stringify(header).slice(0, -1)},"runs":[`;
  for (const [position, run] of runs.entries()) {
    yield `${position === 0 ? "\n" : ",\n"}${runJson(store, run, parts)}`;
  }
  yield "\n]}\n";
}
