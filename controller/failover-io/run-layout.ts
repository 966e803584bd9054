/**
 * The layout of a recorded failover run folder (the lab's Shremote/Flightplan layout):
 *   event_log.json | events.tsv          the timeline, on the controller's clock
 *   iperf/server_<i>.out | .txt          server text, ideally `ts %.s`-stamped
 *   iperf/server_<i>.json                a server -J capture (optional)
 *   iperf/client_<i>.json                the client's -J capture
 *   power/*.csv                          bench power CSV (at_unix_ns,device,power_w[,note])
 *   power/*.log | *.out                  Flightplan WeMo poller logs
 */
import path from "node:path";
import { listFiles } from "./read-text.js";

export interface SessionFiles {
  readonly id: string;
  readonly serverText: string | null;
  readonly serverJson: string | null;
  readonly clientJson: string | null;
}

export interface RunLayout {
  readonly eventLogJson: string | null;
  readonly eventsTsv: string | null;
  readonly sessions: readonly SessionFiles[];
  readonly powerCsv: readonly string[];
  readonly powerWemo: readonly string[];
}

const SESSION_FILE = /^(server|client)_(\d+)\.(out|txt|json)$/;

function sessionFiles(iperfDir: string): SessionFiles[] {
  const byId = new Map<string, { serverText: string | null; serverJson: string | null; clientJson: string | null }>();
  for (const name of listFiles(iperfDir)) {
    const match = SESSION_FILE.exec(name);
    if (match === null) continue;
    const [, role, id = "", extension] = match;
    const files = byId.get(id) ?? { serverText: null, serverJson: null, clientJson: null };
    byId.set(id, files);
    const file = path.join(iperfDir, name);
    if (role === "client" && extension === "json") files.clientJson = file;
    else if (role === "server" && extension === "json") files.serverJson = file;
    else if (role === "server") files.serverText = file;
  }
  return [...byId.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([id, files]) => ({ id, ...files }));
}

export function runLayout(dir: string): RunLayout {
  const top = listFiles(dir);
  const powerDir = path.join(dir, "power");
  const power = listFiles(powerDir);
  return {
    eventLogJson: top.includes("event_log.json") ? path.join(dir, "event_log.json") : null,
    eventsTsv: top.includes("events.tsv") ? path.join(dir, "events.tsv") : null,
    sessions: sessionFiles(path.join(dir, "iperf")),
    powerCsv: power.filter((name) => name.endsWith(".csv")).map((name) => path.join(powerDir, name)),
    powerWemo: power.filter((name) => name.endsWith(".log") || name.endsWith(".out")).map((name) => path.join(powerDir, name)),
  };
}
