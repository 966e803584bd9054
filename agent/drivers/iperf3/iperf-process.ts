/**
 * One iperf3 process (execa, no shell): its output is parsed line by line as it comes, each
 * interval stamped on the agent's wall clock when its line is read. start resolves once iperf3 runs
 * (a server listens, a client is connected) and rejects with the coded failure if it ends first.
 * stop() sends SIGINT (iperf3 then prints its summary) and SIGKILL after the grace time.
 */
import { createInterface } from "node:readline";
import { execa } from "execa";
import type { Clock } from "../../../common/clock.js";
import type { WallClockNs } from "../../../common/wire/wall-clock-ns.js";
import { BoundedText } from "../../streams/bounded-text.js";
import type { IperfIntervalData, OutputParser } from "./iperf-data.js";
import { iperfArgv } from "./iperf-argv.js";
import { IperfErrorCode, iperfError } from "./iperf-errors.js";
import type { IperfOptions, IperfOutputMode } from "./iperf-options.js";
import { classifyEnd, type IperfOutcome, type ProcessEnd } from "./iperf-outcome.js";
import type { IperfVersion } from "./iperf-version.js";
import { JsonOutputParser } from "./json-output.js";
import { JsonStreamOutputParser } from "./json-stream-output.js";
import { isTcpPortListening } from "./port-listening.js";
import { buildReport } from "./iperf-report.js";
import { TextOutputParser } from "./text-output.js";

export interface IperfProcessOptions {
  readonly binary: string;
  readonly options: IperfOptions;
  readonly mode: IperfOutputMode;
  readonly version: IperfVersion;
  readonly clock: Clock;
  readonly wallClockNs: WallClockNs;
  readonly onInterval: (interval: IperfIntervalData, atUnixNs: bigint) => void;
  /** Aborting it stops the process like stop(). */
  readonly signal: AbortSignal;
  /** SIGINT to SIGKILL, seconds. */
  readonly stopGraceS: number;
  /** Longest wait for iperf3 to run, seconds. */
  readonly startTimeoutS: number;
}

export interface IperfProcess {
  readonly pid: number | undefined;
  /** Settles once the process has exited and its output is read; never rejects. */
  readonly ended: Promise<IperfOutcome>;
  stop(): void;
}

/** Longest stdout (text mode) and stderr kept for the report, bytes. */
export const MAX_OUTPUT_BYTES = Object.freeze({ stdout: 4 * 1024 * 1024, stderr: 64 * 1024 });

function createParser(mode: IperfOutputMode, onInterval: (interval: IperfIntervalData) => void): OutputParser {
  if (mode === "json") return new JsonOutputParser(onInterval);
  if (mode === "json-stream") return new JsonStreamOutputParser(onInterval);
  return new TextOutputParser(onInterval);
}

export async function startIperfProcess(config: IperfProcessOptions): Promise<IperfProcess> {
  const { options, mode, clock, wallClockNs, signal } = config;
  config.signal.throwIfAborted();
  let lineNs = 0n;
  const parser = createParser(mode, (interval) => config.onInterval(interval, lineNs));
  const stdout = new BoundedText(MAX_OUTPUT_BYTES.stdout);
  const stderr = new BoundedText(MAX_OUTPUT_BYTES.stderr);
  const subprocess = execa(config.binary, iperfArgv(options, mode), {
    reject: false,
    stdin: "ignore",
    buffer: false,
    killSignal: "SIGINT",
    forceKillAfterDelay: Math.round(config.stopGraceS * 1000),
  });
  let stoppedByAgent = false;
  let readyResolve!: () => void;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  const stop = (): void => {
    if (stoppedByAgent) return;
    stoppedByAgent = true;
    subprocess.kill();
  };
  const onAbort = (): void => stop();
  signal.addEventListener("abort", onAbort, { once: true });
  const stdoutLines = createInterface({ input: subprocess.stdout, crlfDelay: Infinity });
  stdoutLines.on("line", (text) => {
    lineNs = wallClockNs();
    if (mode === "text") stdout.appendLine(text);
    parser.line(text);
    lineNs = 0n;
    if (parser.running) readyResolve();
  });
  const stderrLines = createInterface({ input: subprocess.stderr, crlfDelay: Infinity });
  stderrLines.on("line", (text) => stderr.appendLine(text));
  const linesRead = Promise.all([new Promise((resolve) => stdoutLines.once("close", resolve)), new Promise((resolve) => stderrLines.once("close", resolve))]);
  const ended: Promise<IperfOutcome> = subprocess.then(async (result) => {
    await linesRead;
    signal.removeEventListener("abort", onAbort);
    const parsed = parser.finish();
    const stderrText = stderr.text;
    const stderrError = /iperf3: (?:error - )?(?!exiting\s*$)(.+)/.exec(stderrText)?.[1]?.trim();
    const end: ProcessEnd = {
      exitCode: result.exitCode,
      signal: result.signal,
      stoppedByAgent,
      stderrError,
      stderrExcerpt: stderrText.slice(0, 2000),
      stdoutExcerpt: stdout.text.slice(0, 2000),
    };
    if (result.code === "ENOENT" || result.code === "EACCES") {
      const error = iperfError(IperfErrorCode.notFound, `iperf3 binary ${config.binary} cannot be run (${result.code})`, { binary: config.binary });
      return { reason: "failed" as const, error, report: buildReport(config, parsed, end, stdout, stderrText) };
    }
    return { ...classifyEnd(options, parsed, end), report: buildReport(config, parsed, end, stdout, stderrText) };
  });
  if (mode !== "text" && (options.role === "server" || mode === "json")) {
    if (options.role === "client") readyResolve();
    else void pollListening(options.port, clock, ended, readyResolve);
  }
  const timer = new AbortController();
  const timedOut = clock.sleep(config.startTimeoutS, timer.signal).then(
    () => "timeout" as const,
    () => new Promise<never>(() => undefined),
  );
  const first = await Promise.race([ready.then(() => "ready" as const), ended.then(() => "ended" as const), timedOut]);
  timer.abort();
  if (first === "ready") return { pid: subprocess.pid, ended, stop };
  if (first === "timeout") {
    stop();
    await ended;
    throw iperfError(IperfErrorCode.failed, `iperf3 ${options.role} did not start within ${config.startTimeoutS} s`, { role: options.role, port: options.port });
  }
  const outcome = await ended;
  throw (
    outcome.error ??
    iperfError(IperfErrorCode.failed, `iperf3 ${options.role} ended before it ran (${outcome.reason})`, { role: options.role, port: options.port })
  );
}

async function pollListening(port: number, clock: Clock, ended: Promise<unknown>, onListening: () => void): Promise<void> {
  let over = false;
  void ended.then(() => (over = true));
  while (!over) {
    if (await isTcpPortListening(port)) {
      onListening();
      return;
    }
    await clock.sleep(0.02);
  }
}
