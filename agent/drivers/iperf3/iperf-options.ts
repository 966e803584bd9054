/** What an iperf3 server or client runs with (validated: docs/iperf3.md lists the ranges). */

export type IperfOutputMode = "text" | "json" | "json-stream";

/** "auto": --json-stream where the installed iperf3 has it (3.17+), else text with --forceflush. */
export type IperfOutputChoice = "auto" | IperfOutputMode;

interface IperfCommonOptions {
  readonly port: number;
  /** -B: the local address to bind. */
  readonly bind: string | undefined;
  /** -i: reporting interval, seconds (0.1 to 60). */
  readonly intervalS: number;
  readonly output: IperfOutputChoice;
}

export interface IperfServerOptions extends IperfCommonOptions {
  readonly role: "server";
  /** -1: serve one test, then exit (the stream ends "done"). */
  readonly oneOff: boolean;
}

export interface IperfClientOptions extends IperfCommonOptions {
  readonly role: "client";
  readonly host: string;
  readonly protocol: "tcp" | "udp";
  /** -b, bits per second; undefined: iperf3's default (1 Mbit/s UDP, unlimited TCP). */
  readonly bitrateBps: number | undefined;
  /** -l: buffer (TCP) or datagram (UDP) length. */
  readonly lengthBytes: number | undefined;
  /** -t: whole seconds (iperf3 3.12 reads it with atoi; 0 would mean forever). */
  readonly durationS: number;
  /** -P */
  readonly parallel: number;
  /** -R: the server sends. */
  readonly reverse: boolean;
  /** --get-server-output */
  readonly getServerOutput: boolean;
  /** -O: seconds to omit at the start. */
  readonly omitS: number;
}

export type IperfOptions = IperfServerOptions | IperfClientOptions;

export const IPERF_LIMITS = Object.freeze({
  intervalS: { min: 0.1, max: 60 },
  durationS: { min: 1, max: 86_400 },
  parallel: { min: 1, max: 128 },
  lengthBytes: { min: 1, max: 1024 * 1024 },
  udpLengthBytes: { min: 1, max: 65_507 },
  bitrateBps: { min: 1, max: 1e13 },
  omitS: { min: 0, max: 600 },
});
