/** The iperf3 argv for validated options and an output mode (never a shell: each value is one argument). */
import type { IperfOptions, IperfOutputMode } from "./iperf-options.js";

function outputFlags(mode: IperfOutputMode): readonly string[] {
  if (mode === "json") return ["-J"];
  if (mode === "json-stream") return ["--json-stream", "--forceflush"];
  return ["--forceflush"];
}

export function iperfArgv(options: IperfOptions, mode: IperfOutputMode): readonly string[] {
  const argv: string[] = [];
  if (options.role === "server") {
    argv.push("-s", "-p", String(options.port), "-i", String(options.intervalS));
    if (options.oneOff) argv.push("-1");
  } else {
    argv.push("-c", options.host, "-p", String(options.port), "-i", String(options.intervalS), "-t", String(options.durationS));
    if (options.protocol === "udp") argv.push("-u");
    if (options.bitrateBps !== undefined) argv.push("-b", String(Math.round(options.bitrateBps)));
    if (options.lengthBytes !== undefined) argv.push("-l", String(options.lengthBytes));
    if (options.parallel > 1) argv.push("-P", String(options.parallel));
    if (options.reverse) argv.push("-R");
    if (options.getServerOutput) argv.push("--get-server-output");
    if (options.omitS > 0) argv.push("-O", String(options.omitS));
  }
  if (options.bind !== undefined) argv.push("-B", options.bind);
  argv.push(...outputFlags(mode));
  return Object.freeze(argv);
}
