/** `iperf3 --version` -> the version, and which output modes it has (--json-stream since 3.17). */
import { execa } from "execa";
import { IperfErrorCode, iperfError } from "./iperf-errors.js";
import type { IperfOutputChoice, IperfOutputMode } from "./iperf-options.js";

export interface IperfVersion {
  /** e.g. "3.12" */
  readonly text: string;
  readonly major: number;
  readonly minor: number;
  readonly jsonStream: boolean;
}

export function parseIperfVersion(output: string): IperfVersion | undefined {
  const match = /\biperf (\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
  if (match === null) return undefined;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  const text = match[3] === undefined ? `${major}.${minor}` : `${major}.${minor}.${match[3]}`;
  return Object.freeze({ text, major, minor, jsonStream: major > 3 || (major === 3 && minor >= 17) });
}

export async function probeIperfVersion(binary: string, timeoutS: number, signal?: AbortSignal): Promise<IperfVersion> {
  const result = await execa(binary, ["--version"], { reject: false, stdin: "ignore", timeout: timeoutS * 1000, maxBuffer: 64 * 1024, ...(signal ? { cancelSignal: signal } : {}) });
  if (result.code === "ENOENT" || result.code === "EACCES") {
    throw iperfError(IperfErrorCode.notFound, `iperf3 binary ${binary} cannot be run (${result.code}); install iperf3 (Debian: apt-get install iperf3) or set iperf3.binary in agent.yaml`, {
      binary,
    });
  }
  const version = parseIperfVersion(`${String(result.stdout)}\n${String(result.stderr)}`);
  if (version === undefined) {
    const excerpt = JSON.stringify(String(result.stdout).trim().slice(0, 120));
    throw iperfError(IperfErrorCode.outputInvalid, `${binary} --version printed ${excerpt}, not an iperf3 version; is iperf3.binary really iperf3?`, { binary });
  }
  return version;
}

/** The mode to run: "auto" picks --json-stream where available; asking for json-stream on an older iperf3 is refused. */
export function chooseOutputMode(choice: IperfOutputChoice, version: IperfVersion, binary: string): IperfOutputMode {
  if (choice === "auto") return version.jsonStream ? "json-stream" : "text";
  if (choice === "json-stream" && !version.jsonStream) {
    throw iperfError(IperfErrorCode.failed, `iperf3 ${version.text} (${binary}) has no --json-stream (3.17+); use output "text" or "auto"`, { binary, version: version.text });
  }
  return choice;
}
