/**
 * A RemoteShell over one SSH connection (commands run one after another on the caller's side).
 * `signal` cancels the connect and, by default, each command; the connection itself stays up
 * until close(), so that a rollback can still run after a cancel.
 */
import type { Clock } from "../../common/clock.js";
import type { ExecOptions, ExecResult, LocalForward, RemoteShell } from "../remote/remote-shell.js";
import { connectSsh, type SshConnection, type SshTarget } from "./ssh-connect.js";
import { sshExec } from "./ssh-exec.js";
import { openLocalForward } from "./local-forward.js";

const CLOSE_GRACE_S = 2;

export interface SshShell extends RemoteShell {
  readonly hostKeyFingerprint: string;
  readonly hostKeyListed: boolean;
}

export async function openSshShell(target: SshTarget, clock: Clock, signal?: AbortSignal): Promise<SshShell> {
  const connection: SshConnection = await connectSsh(target, signal);
  const { client } = connection;
  const forwards = new Set<LocalForward>();
  return {
    host: target.host,
    hostKeyFingerprint: connection.hostKeyFingerprint,
    hostKeyListed: connection.hostKeyListed,
    exec: (command: string, options?: ExecOptions): Promise<ExecResult> => sshExec(client, target.host, clock, command, { ...(signal ? { signal } : {}), ...options }),
    forward: async (remoteHost: string, remotePort: number) => {
      const forward = await openLocalForward(client, remoteHost, remotePort);
      forwards.add(forward);
      return {
        localPort: forward.localPort,
        close: async () => {
          forwards.delete(forward);
          await forward.close();
        },
      };
    },
    close: async () => {
      await Promise.all([...forwards].map((forward) => forward.close()));
      const closed = new Promise<void>((resolve) => client.once("close", () => resolve()));
      client.end();
      // A peer that never answers the disconnect: cut the socket after a grace period.
      const grace = new AbortController();
      await Promise.race([closed, clock.sleep(CLOSE_GRACE_S, grace.signal).catch(() => undefined)]);
      grace.abort();
      client.destroy();
    },
  };
}
