/**
 * Timeline events as the lab recorded them: Shremote's `event_log.json` (old format: `name_`,
 * `time_`, `stop_time_`, `starts_`; new format: `name`, `time_`, `stop_time_`, `addr_`,
 * `start_`) and the flat `events.tsv` (`name<TAB>epoch seconds<TAB>command`). Shremote stamps
 * every entry with the controller's clock, whatever host the command ran on.
 */
import { inputError } from "./errors.js";
import type { EventPhase } from "./model.js";
import { decimalSecondsToUnixNs, secondsNumberToUnixNs } from "./unix-time.js";

export interface RawEvent {
  readonly name: string;
  readonly phase: EventPhase;
  readonly unixNs: bigint;
  readonly host: string | null;
  readonly detail: string | null;
}

type Entry = Record<string, unknown>;

function stringAt(entry: Entry, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = entry[key];
    if (typeof value === "string" && value !== "") return value;
  }
  return null;
}

function commandOf(entry: Entry): string | null {
  const starts = entry["starts_"];
  if (Array.isArray(starts) && typeof starts[0] === "string") return starts[0];
  return stringAt(entry, "start_", "cmd");
}

function stampAt(entry: Entry, key: string, source: string, index: number): bigint | null {
  const value = entry[key];
  if (value === undefined || value === null) return null;
  const unixNs = typeof value === "number" ? secondsNumberToUnixNs(value) : null;
  if (unixNs === null) throw inputError({ source }, `entry ${index}: ${key} is not epoch seconds`, JSON.stringify(value));
  return unixNs;
}

/** A Shremote event log (old or new format), one start and/or stop event per entry. */
export function parseEventLogJson(text: string, source: string): RawEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw inputError({ source }, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw inputError({ source }, "an event log is a JSON list of entries");
  const events: RawEvent[] = [];
  parsed.forEach((raw: unknown, index) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw inputError({ source }, `entry ${index} is not an object`);
    const entry = raw as Entry;
    const name = stringAt(entry, "name_", "name");
    if (name === null) throw inputError({ source }, `entry ${index} has no name_ (or name)`);
    const host = stringAt(entry, "host", "addr_");
    const startNs = stampAt(entry, "time_", source, index);
    const stopNs = stampAt(entry, "stop_time_", source, index);
    if (startNs === null && stopNs === null) throw inputError({ source }, `entry ${index} (${name}) has neither time_ nor stop_time_`);
    if (startNs !== null) events.push({ name, phase: "start", unixNs: startNs, host, detail: commandOf(entry) });
    if (stopNs !== null) events.push({ name, phase: "stop", unixNs: stopNs, host, detail: null });
  });
  return events;
}

/** `name<TAB>epoch seconds[<TAB>command]` per line; blank lines and `#` comments are skipped. */
export function parseEventsTsv(text: string, source: string): RawEvent[] {
  const events: RawEvent[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const [name = "", stamp = "", ...command] = line.split("\t");
    const unixNs = decimalSecondsToUnixNs(stamp);
    if (name.trim() === "" || unixNs === null) throw inputError({ source, line: index + 1 }, "expected name<TAB>epoch seconds[<TAB>command]", line);
    const detail = command.join("\t").trim();
    events.push({ name: name.trim(), phase: "start", unixNs, host: null, detail: detail === "" ? null : detail });
  });
  if (events.length === 0) throw inputError({ source }, "no events in the file");
  return events;
}
