/** What deploy steps need from a host: run a command (with stdin), tunnel to a port, close. */
import type { Readable } from "node:stream";

export interface ExecOptions {
  /** Bytes for the command's stdin (then EOF); a stream is piped. */
  readonly stdin?: Buffer | string | Readable;
  readonly signal?: AbortSignal;
  /** Give up after this long (DEPLOY_TIMEOUT), seconds. */
  readonly timeoutS?: number;
}

export interface ExecResult {
  /** null when the command ended by a signal or the channel closed without a status. */
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A local TCP port that leads to a port as seen from the remote host. */
export interface LocalForward {
  readonly localPort: number;
  close(): Promise<void>;
}

export interface RemoteShell {
  /** The inventory name of the host (for messages). */
  readonly host: string;
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
  /** Listen on 127.0.0.1:<free port> and carry each connection to remoteHost:remotePort from the host. */
  forward(remoteHost: string, remotePort: number): Promise<LocalForward>;
  close(): Promise<void>;
}
