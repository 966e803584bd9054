/** Run one command on an ssh2 connection: stdin in, stdout/stderr collected (bounded), cancellable. */
import type { Readable } from "node:stream";
import type { Client, ClientChannel } from "ssh2";
import type { Clock } from "../../common/clock.js";
import { DeployError, DeployErrorCode } from "../errors.js";
import type { ExecOptions, ExecResult } from "../remote/remote-shell.js";

/** Output kept per stream; the tail is what explains a failure. */
const MAX_OUTPUT_BYTES = 1024 * 1024;

function collector(): { push(chunk: Buffer): void; text(): string } {
  let chunks: Buffer[] = [];
  let size = 0;
  return {
    push(chunk) {
      chunks.push(chunk);
      size += chunk.length;
      if (size > 2 * MAX_OUTPUT_BYTES) {
        const joined = Buffer.concat(chunks);
        chunks = [joined.subarray(joined.length - MAX_OUTPUT_BYTES)];
        size = MAX_OUTPUT_BYTES;
      }
    },
    text() {
      const joined = Buffer.concat(chunks);
      return joined.subarray(Math.max(0, joined.length - MAX_OUTPUT_BYTES)).toString("utf8");
    },
  };
}

function feed(channel: ClientChannel, stdin: ExecOptions["stdin"]): void {
  if (stdin === undefined) channel.end();
  else if (typeof stdin === "string" || Buffer.isBuffer(stdin)) channel.end(stdin);
  else (stdin as Readable).pipe(channel);
}

export function sshExec(client: Client, host: string, clock: Clock, command: string, options: ExecOptions = {}): Promise<ExecResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  return new Promise<ExecResult>((resolve, reject) => {
    const stop = new AbortController();
    let channel: ClientChannel | undefined;
    let finished = false;
    const finish = (outcome: () => void): void => {
      if (finished) return;
      finished = true;
      stop.abort();
      signal?.removeEventListener("abort", onAbort);
      outcome();
    };
    const onAbort = (): void => {
      channel?.close();
      finish(() => reject(signal?.reason instanceof Error ? signal.reason : new Error(String(signal?.reason))));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    if (options.timeoutS !== undefined) {
      const timeoutS = options.timeoutS;
      clock.sleep(timeoutS, stop.signal).then(
        () => {
          channel?.close();
          finish(() => reject(new DeployError(DeployErrorCode.timeout, `A command on ${host} did not finish within ${timeoutS} s`, { context: { host, step: "exec", timeoutS } })));
        },
        () => undefined,
      );
    }
    client.exec(command, (error, opened) => {
      if (error) {
        finish(() => reject(new DeployError(DeployErrorCode.sshFailed, `Cannot run a command on ${host}: ${error.message}`, { context: { host, step: "exec" }, cause: error })));
        return;
      }
      channel = opened;
      if (finished) {
        opened.close();
        return;
      }
      const stdout = collector();
      const stderr = collector();
      let exitCode: number | null = null;
      opened.on("data", (chunk: Buffer) => stdout.push(chunk));
      opened.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
      opened.on("exit", (code: number | null) => {
        exitCode = typeof code === "number" ? code : null;
      });
      opened.on("error", () => undefined);
      opened.on("close", () => finish(() => resolve({ exitCode, stdout: stdout.text(), stderr: stderr.text() })));
      feed(opened, options.stdin);
    });
  });
}
