/**
 * Loads a recorded failover run folder (run-layout.ts) into a FailoverRun: reads the files, then
 * hands the text to the pure parsers and the assembly in controller/analysis/failover.
 */
import { ValidationError } from "../../common/errors.js";
import {
  assembleRun,
  iperfJsonResult,
  parseEventLogJson,
  parseEventsTsv,
  parseIperfText,
  parsePowerCsv,
  parseWemoLog,
  readJsonObjects,
  type FailoverRun,
  type JsonCapture,
  type RawEvent,
  type SessionCaptures,
} from "../analysis/failover/index.js";
import { FAILOVER_RUN_UNREADABLE, readText } from "./read-text.js";
import { runLayout, type SessionFiles } from "./run-layout.js";

export interface LoadRunOptions {
  /** The event whose start is time zero (default "iperf_client", as in the lab's notebook). */
  readonly originEvent?: string;
  /** Each host's clock minus the controller's, ns (the agents' clock-offset estimates). Default 0. */
  readonly clockOffsetsNs?: Readonly<Record<string, number>>;
  /** The host whose clock stamped the server captures; default the event log's iperf_server host. */
  readonly serverHost?: string;
  /** The host whose clock stamped the power captures; default the controller (offset 0). */
  readonly powerHost?: string;
  /** The capturing host's UTC offset, for iperf3 --timestamps ctime stamps. */
  readonly ctimeUtcOffsetS?: number;
  /** WeMo readings at or above this are gaps (Flightplan dropped them). Default 1000 W. */
  readonly maxPlausiblePowerW?: number;
}

function jsonCapture(file: string | null): JsonCapture | null {
  if (file === null) return null;
  const { objects, warnings } = readJsonObjects(readText(file), file);
  const results = objects.map((object) => iperfJsonResult(object, file));
  const chosen = results.find((result) => result.intervals.length > 0) ?? results[0];
  const several = results.length > 1 ? [`${file}: ${results.length} JSON objects; using the first with intervals`] : [];
  return chosen === undefined ? null : { result: chosen, source: file, warnings: [...warnings, ...several] };
}

function offsetOf(options: LoadRunOptions, host: string | null | undefined): number {
  return host === null || host === undefined ? 0 : (options.clockOffsetsNs?.[host] ?? 0);
}

function sessionCaptures(files: SessionFiles, serverOffsetNs: number, options: LoadRunOptions): SessionCaptures {
  const serverText = files.serverText === null ? null : { log: parseIperfText(readText(files.serverText), files.serverText, options.ctimeUtcOffsetS ?? 0), source: files.serverText, clockOffsetNs: serverOffsetNs };
  return { id: files.id, serverText, clientJson: jsonCapture(files.clientJson), serverJson: jsonCapture(files.serverJson) };
}

function events(eventLogJson: string | null, eventsTsv: string | null, dir: string): RawEvent[] {
  if (eventLogJson !== null) return parseEventLogJson(readText(eventLogJson), eventLogJson);
  if (eventsTsv !== null) return parseEventsTsv(readText(eventsTsv), eventsTsv);
  throw new ValidationError(FAILOVER_RUN_UNREADABLE, `${dir} has no event_log.json or events.tsv: a failover run needs its timeline`, { context: { file: dir } });
}

/** Reads and assembles the run in `dir`; every file error names the file. */
export function loadFailoverRun(dir: string, options: LoadRunOptions = {}): FailoverRun {
  const layout = runLayout(dir);
  const raw = events(layout.eventLogJson, layout.eventsTsv, dir);
  if (layout.sessions.length === 0) throw new ValidationError(FAILOVER_RUN_UNREADABLE, `${dir}/iperf has no server_<i>.out or client_<i>.json captures`, { context: { file: dir } });
  const serverHost = options.serverHost ?? raw.find((event) => event.name === "iperf_server")?.host;
  const serverOffsetNs = offsetOf(options, serverHost);
  const powerOffsetNs = offsetOf(options, options.powerHost);
  const power = [
    ...layout.powerCsv.map((file) => ({ series: parsePowerCsv(readText(file), file), clockOffsetNs: powerOffsetNs })),
    ...layout.powerWemo.map((file) => ({ series: parseWemoLog(readText(file), file, options.maxPlausiblePowerW ?? 1000), clockOffsetNs: powerOffsetNs })),
  ];
  return assembleRun(
    {
      events: [{ events: raw, clockOffsetNs: 0 }],
      sessions: layout.sessions.map((files) => sessionCaptures(files, serverOffsetNs, options)),
      power,
    },
    options.originEvent,
  );
}
