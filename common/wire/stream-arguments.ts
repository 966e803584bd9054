/**
 * StreamStart.arguments by stream kind: the keys both sides use (snake_case, like proto fields) and
 * typed builders for the controller. The agent validates every value (docs/iperf3.md, docs/power.md).
 */

export const POWER_ARGUMENT_KEYS = Object.freeze({ intervalMs: "interval_ms", batchMs: "batch_ms" });

export const IPERF_ARGUMENT_KEYS = Object.freeze({
  host: "host",
  port: "port",
  bind: "bind",
  intervalS: "interval_s",
  output: "output",
  oneOff: "one_off",
  protocol: "protocol",
  bitrateBps: "bitrate_bps",
  lengthBytes: "length_bytes",
  durationS: "duration_s",
  parallel: "parallel",
  reverse: "reverse",
  getServerOutput: "get_server_output",
  omitS: "omit_s",
});

/** Which roles an iperf stream's `source` names. */
export const IPERF_SOURCES = Object.freeze({ server: "server", client: "client" });

export type IperfOutputArgument = "auto" | "text" | "json" | "json-stream";

export interface PowerStreamArguments {
  /** Poll interval; default: the meter's intervalMs in agent.yaml. */
  readonly intervalMs?: number;
  /** How often readings are sent; default max(100 ms, the interval). */
  readonly batchMs?: number;
}

export interface IperfServerArguments {
  readonly port?: number;
  readonly bind?: string;
  readonly intervalS?: number;
  readonly output?: IperfOutputArgument;
  /** Serve one test and end (default true). */
  readonly oneOff?: boolean;
}

export interface IperfClientArguments {
  readonly host: string;
  readonly port?: number;
  readonly bind?: string;
  readonly intervalS?: number;
  readonly output?: IperfOutputArgument;
  readonly protocol?: "tcp" | "udp";
  readonly bitrateBps?: number;
  readonly lengthBytes?: number;
  /** Whole seconds. */
  readonly durationS?: number;
  readonly parallel?: number;
  readonly reverse?: boolean;
  readonly getServerOutput?: boolean;
  readonly omitS?: number;
}

function toMap(keys: Readonly<Record<string, string>>, values: object): Readonly<Record<string, string>> {
  const map: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const key = keys[name];
    if (key === undefined) throw new RangeError(`unknown stream argument ${name}`);
    if (value !== undefined) map[key] = String(value);
  }
  return Object.freeze(map);
}

export function powerArgumentMap(values: PowerStreamArguments): Readonly<Record<string, string>> {
  return toMap(POWER_ARGUMENT_KEYS, values);
}

export function iperfArgumentMap(values: IperfServerArguments | IperfClientArguments): Readonly<Record<string, string>> {
  return toMap(IPERF_ARGUMENT_KEYS, values);
}
