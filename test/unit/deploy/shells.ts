/** RemoteShells for unit tests: one that runs commands on this machine with sh, one that answers from a script. */
import type { Readable } from "node:stream";
import { execa } from "execa";
import type { ExecOptions, ExecResult, LocalForward, RemoteShell } from "../../../deploy/remote/remote-shell.js";

async function stdinText(stdin: ExecOptions["stdin"]): Promise<Buffer | undefined> {
  if (stdin === undefined) return undefined;
  if (typeof stdin === "string") return Buffer.from(stdin);
  if (Buffer.isBuffer(stdin)) return stdin;
  const chunks: Buffer[] = [];
  for await (const chunk of stdin as Readable) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Runs each command with `sh -c` here, as the SSH server would on the host. */
export function localShell(host = "local"): RemoteShell & { readonly commands: string[] } {
  const commands: string[] = [];
  return {
    host,
    commands,
    exec: async (command: string, options?: ExecOptions): Promise<ExecResult> => {
      commands.push(command);
      const input = await stdinText(options?.stdin);
      const result = await execa("sh", ["-c", command], { reject: false, ...(input === undefined ? { stdin: "ignore" } : { input }) });
      return { exitCode: typeof result.exitCode === "number" ? result.exitCode : null, stdout: result.stdout, stderr: result.stderr };
    },
    forward: (): Promise<LocalForward> => Promise.reject(new Error("no tunnels in unit tests")),
    close: () => Promise.resolve(),
  };
}

export type ScriptedAnswer = Partial<ExecResult> | ((command: string) => Partial<ExecResult>);

/**
 * Answers commands by the first rule whose pattern matches; unmatched commands succeed silently.
 * Like the SSH shell, commands are cancelled by `signal` unless their options name another one.
 */
export function scriptedShell(rules: ReadonlyArray<readonly [RegExp, ScriptedAnswer]>, host = "lab1", signal?: AbortSignal): RemoteShell & { readonly commands: string[] } {
  const commands: string[] = [];
  return {
    host,
    commands,
    exec: async (command: string, options?: ExecOptions): Promise<ExecResult> => {
      const cancel = options !== undefined && "signal" in options ? options.signal : signal;
      cancel?.throwIfAborted();
      commands.push(command);
      await stdinText(options?.stdin);
      const rule = rules.find(([pattern]) => pattern.test(command));
      const answer = rule === undefined ? {} : typeof rule[1] === "function" ? rule[1](command) : rule[1];
      return { exitCode: 0, stdout: "", stderr: "", ...answer };
    },
    forward: (): Promise<LocalForward> => Promise.reject(new Error("no tunnels in unit tests")),
    close: () => Promise.resolve(),
  };
}
