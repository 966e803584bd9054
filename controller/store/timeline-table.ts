/**
 * The `events` and `samples` tables: what happened during a run on the controller's time axis
 * (nanoseconds since the Unix epoch, exact as 64-bit integers), and streamed readings
 * (power, iperf intervals). Batches are inserted in one transaction by the caller.
 */
import type { NewEvent, NewSample, StoredEvent, StoredSample } from "./records.js";
import type { StoreContext } from "./statements.js";
import { storeUserError } from "./store-errors.js";
import {
  bigintColumn,
  integerColumn,
  jsonColumn,
  jsonParam,
  optionalJsonColumn,
  optionalJsonParam,
  optionalRealColumn,
  optionalRealParam,
  textColumn,
} from "./values.js";

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

function atNsParam(value: bigint, field: string, file: string): bigint {
  if (typeof value !== "bigint" || value < INT64_MIN || value > INT64_MAX) {
    throw storeUserError("STORE_VALUE_INVALID", `cannot store ${field} = ${String(value)} in ${file}: it must be a bigint within the 64-bit range`, {
      file,
      context: { field, value: String(value) },
    });
  }
  return value;
}

export function insertEvents(ctx: StoreContext, runId: number, events: readonly NewEvent[]): void {
  const insert = ctx.statement("INSERT INTO events (run_id, at_ns, source, kind, payload_json) VALUES (?, ?, ?, ?, ?)");
  for (const event of events) {
    insert.run(runId, atNsParam(event.atNs, "event atNs", ctx.file), event.source, event.kind, jsonParam(event.payload, `event ${event.kind} payload`, ctx.file));
  }
}

/** The run's events in time order (ties in insertion order). */
export function eventsOfRun(ctx: StoreContext, runId: number): StoredEvent[] {
  const rows = ctx.statement("SELECT id, run_id, at_ns, source, kind, payload_json FROM events WHERE run_id = ? ORDER BY at_ns, id").all(runId) as Array<Record<string, unknown>>;
  return rows.map((row) =>
    Object.freeze({
      id: integerColumn(row["id"], "events.id", ctx.file),
      runId: integerColumn(row["run_id"], "events.run_id", ctx.file),
      atNs: bigintColumn(row["at_ns"], "events.at_ns", ctx.file),
      source: textColumn(row["source"], "events.source", ctx.file),
      kind: textColumn(row["kind"], "events.kind", ctx.file),
      payload: jsonColumn(row["payload_json"], "events.payload_json", ctx.file),
    }),
  );
}

export function insertSamples(ctx: StoreContext, runId: number, samples: readonly NewSample[]): void {
  const insert = ctx.statement("INSERT INTO samples (run_id, stream, at_ns, value, values_json) VALUES (?, ?, ?, ?, ?)");
  for (const sample of samples) {
    if (sample.value === undefined && sample.values === undefined) {
      throw storeUserError("STORE_VALUE_INVALID", `cannot store a sample of stream ${JSON.stringify(sample.stream)} in ${ctx.file}: it has neither value nor values`, {
        file: ctx.file,
        context: { field: "value", stream: sample.stream },
      });
    }
    insert.run(
      runId,
      sample.stream,
      atNsParam(sample.atNs, "sample atNs", ctx.file),
      optionalRealParam(sample.value, `sample ${sample.stream} value`, ctx.file),
      optionalJsonParam(sample.values, `sample ${sample.stream} values`, ctx.file),
    );
  }
}

/** The run's samples (of one stream, or all) in time order. */
export function samplesOfRun(ctx: StoreContext, runId: number, stream?: string): StoredSample[] {
  const rows = (
    stream === undefined
      ? ctx.statement("SELECT id, run_id, stream, at_ns, value, values_json FROM samples WHERE run_id = ? ORDER BY at_ns, id").all(runId)
      : ctx.statement("SELECT id, run_id, stream, at_ns, value, values_json FROM samples WHERE run_id = ? AND stream = ? ORDER BY at_ns, id").all(runId, stream)
  ) as Array<Record<string, unknown>>;
  return rows.map((row) =>
    Object.freeze({
      id: integerColumn(row["id"], "samples.id", ctx.file),
      runId: integerColumn(row["run_id"], "samples.run_id", ctx.file),
      stream: textColumn(row["stream"], "samples.stream", ctx.file),
      atNs: bigintColumn(row["at_ns"], "samples.at_ns", ctx.file),
      value: optionalRealColumn(row["value"], "samples.value", ctx.file),
      values: optionalJsonColumn(row["values_json"], "samples.values_json", ctx.file),
    }),
  );
}
