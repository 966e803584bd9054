/** agent.yaml `iperf3:` (docs/iperf3.md): present (even empty) to let controllers run iperf3 servers and clients here. */
import type { YamlFields } from "./yaml-fields.js";

export interface Iperf3Config {
  /** Path, or a name looked up on PATH. */
  readonly binary: string;
  /** SIGINT to SIGKILL when a stream is stopped, seconds. */
  readonly stopGraceS: number;
  /** Longest wait for a server to listen or a client to connect, seconds. */
  readonly startTimeoutS: number;
}

export function readIperf3Config(root: YamlFields): Iperf3Config | undefined {
  if (!root.keys().includes("iperf3")) return undefined;
  const fields = root.section("iperf3");
  fields.rejectUnknownKeys(["binary", "stopGraceS", "startTimeoutS"]);
  return Object.freeze({
    binary: fields.string("binary", "iperf3"),
    stopGraceS: fields.number("stopGraceS", { min: 0.1, max: 60, unit: "s" }, 2),
    startTimeoutS: fields.number("startTimeoutS", { min: 0.1, max: 600, unit: "s" }, 10),
  });
}
