/**
 * A helper process of ours (TRex emulator, local agent) started with execa: wait for its
 * ready line on stdout, keep the last lines of stderr for error messages, stop it cleanly.
 */
import { execa, type ResultPromise } from "execa";
import { TestbenchError } from "../../common/errors.js";
import type { Logger } from "../../common/logger.js";

export interface ChildOptions {
  /** Shown in messages, e.g. "trex-emulator". */
  readonly name: string;
  readonly file: string;
  readonly args: readonly string[];
  /** A line matching this on stdout means the child is ready; its groups are returned. */
  readonly readyPattern: RegExp;
  readonly readyTimeoutS: number;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  readonly env?: Readonly<Record<string, string>>;
}

export interface RunningChild {
  readonly match: RegExpMatchArray;
  readonly pid: number | undefined;
  /** SIGTERM, then SIGKILL after `graceS`; resolves when the process is gone. */
  stop(graceS?: number): Promise<void>;
}

export async function startChild(options: ChildOptions): Promise<RunningChild> {
  // Own process group (a terminal's Ctrl-C reaches only the controller, which then lets the
  // trial in flight finish) and a stdin lifeline (the child stops when we close it or die).
  const child: ResultPromise = execa(options.file, [...options.args], {
    reject: false,
    stdin: "pipe",
    buffer: false,
    detached: true,
    env: { TESTBENCH_LOG_LEVEL: "warn", TESTBENCH_LIFELINE: "stdin", ...options.env },
    forceKillAfterDelay: 5000,
  });
  const stderrTail: string[] = [];
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    for (const line of chunk.split("\n").filter(Boolean)) {
      stderrTail.push(line);
      if (stderrTail.length > 20) stderrTail.shift();
      options.logger.debug({ child: options.name, line }, "child stderr");
    }
  });
  const exited = child.then((result) => result);
  const ready = new Promise<RegExpMatchArray>((resolve, reject) => {
    let buffered = "";
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        options.logger.debug({ child: options.name, line }, "child stdout");
        const match = options.readyPattern.exec(line);
        if (match) resolve(match);
      }
    });
    void exited.then((result) => {
      reject(
        new TestbenchError("TESTBED_CHILD_FAILED", `${options.name} exited (code ${String(result.exitCode)}, signal ${String(result.signal)}) before it was ready: ${stderrTail.join(" | ") || "no output"}`, {
          context: { child: options.name, exitCode: result.exitCode ?? null },
        }),
      );
    });
  });
  const stop = async (graceS = 5) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.stdin?.end();
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceS * 1000);
      await exited;
      clearTimeout(timer);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new TestbenchError("TESTBED_CHILD_TIMEOUT", `${options.name} was not ready within ${options.readyTimeoutS} s: ${stderrTail.join(" | ") || "no output"}`, { context: { child: options.name } })),
      options.readyTimeoutS * 1000,
    );
  });
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(options.signal?.reason);
    options.signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    options.signal?.throwIfAborted();
    const match = await Promise.race([ready, timeout, aborted]);
    return { match, pid: child.pid, stop };
  } catch (error) {
    await stop(1);
    throw error;
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener("abort", onAbort);
  }
}
