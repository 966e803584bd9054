/**
 * Commands on one host, as deploy steps write them: POSIX sh scripts run through `sh -c`, as
 * root through `sudo -n` when the host is configured with sudo (or as the service user for
 * commands that start the agent), failures classified with the step's name.
 */
import type { Readable } from "node:stream";
import type { Logger } from "../../common/logger.js";
import { classifyFailure } from "./classify-failure.js";
import type { ExecResult, RemoteShell } from "./remote-shell.js";
import { shellCommand } from "./shell-quote.js";

export interface RunOptions {
  readonly stdin?: Buffer | string | Readable;
  readonly timeoutS?: number;
  /** Run as the service user (sudo -u) instead of root; without sudo everything runs as the SSH user. */
  readonly asServiceUser?: boolean;
}

/** Longest a single ordinary step may take, seconds (uploads pass their own). */
export const DEFAULT_STEP_TIMEOUT_S = 120;

export class RemoteOps {
  constructor(
    readonly shell: RemoteShell,
    private readonly target: { readonly name: string; readonly sudo: boolean; readonly serviceUser: string },
    private readonly logger: Logger,
    /** False: commands ignore the shell's cancel signal (a rollback after Ctrl-C must still run). */
    private readonly cancellable = true,
  ) {}

  /** The same host, with commands that run to their own timeouts even after the run was cancelled. */
  withoutCancel(): RemoteOps {
    return new RemoteOps(this.shell, this.target, this.logger, false);
  }

  get host(): string {
    return this.target.name;
  }

  /** The command line for a script, with the host's privilege settings. */
  commandFor(script: string, asServiceUser = false): string {
    if (!this.target.sudo) return shellCommand("sh", "-c", script);
    if (asServiceUser) return shellCommand("sudo", "-n", "-u", this.target.serviceUser, "--", "sh", "-c", script);
    return shellCommand("sudo", "-n", "--", "sh", "-c", script);
  }

  /** Run a script; a non-zero exit throws the classified error. */
  async run(step: string, script: string, options: RunOptions = {}): Promise<ExecResult> {
    const result = await this.tryRun(step, script, options);
    if (result.exitCode !== 0) throw classifyFailure(this.host, step, result);
    return result;
  }

  /** Run a script and return whatever happened. */
  async tryRun(step: string, script: string, options: RunOptions = {}): Promise<ExecResult> {
    this.logger.debug({ step }, "remote step");
    return this.shell.exec(this.commandFor(script, options.asServiceUser), {
      ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
      ...(this.cancellable ? {} : { signal: undefined }),
      timeoutS: options.timeoutS ?? DEFAULT_STEP_TIMEOUT_S,
    });
  }
}
