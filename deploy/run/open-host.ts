/** Connect to an inventory host: its SSH settings, its key file read now, a RemoteOps on top. */
import { readFile } from "node:fs/promises";
import type { Clock } from "../../common/clock.js";
import type { Logger } from "../../common/logger.js";
import { DeployError, DeployErrorCode, detailOf } from "../errors.js";
import type { HostTarget } from "../inventory/host-target.js";
import { RemoteOps } from "../remote/remote-ops.js";
import type { SshTarget } from "../ssh/ssh-connect.js";
import { openSshShell, type SshShell } from "../ssh/ssh-shell.js";

export interface OpenHost {
  readonly shell: SshShell;
  readonly ops: RemoteOps;
}

async function sshTargetFor(target: HostTarget): Promise<SshTarget> {
  let privateKey: Buffer | undefined;
  if (target.ssh.keyFile !== undefined) {
    try {
      privateKey = await readFile(target.ssh.keyFile);
    } catch (error) {
      throw new DeployError(DeployErrorCode.authFailed, `Cannot read the SSH key ${target.ssh.keyFile} for ${target.name}: ${detailOf(error)}`, {
        context: { host: target.name, step: "connect", keyFile: target.ssh.keyFile },
        cause: error,
      });
    }
  }
  return {
    host: target.name,
    address: target.ssh.address,
    port: target.ssh.port,
    user: target.ssh.user,
    privateKey,
    keyOrigin: target.ssh.keyFile ?? "the SSH agent",
    agentSocket: process.env["SSH_AUTH_SOCK"],
    hostKeys: target.ssh.hostKeys,
    strictHostKeyChecking: target.ssh.strictHostKeyChecking,
    connectTimeoutS: target.ssh.connectTimeoutS,
  };
}

export async function openHost(target: HostTarget, clock: Clock, logger: Logger, signal?: AbortSignal): Promise<OpenHost> {
  const shell = await openSshShell(await sshTargetFor(target), clock, signal);
  if (!shell.hostKeyListed) logger.warn({ host: target.name, fingerprint: shell.hostKeyFingerprint }, "host key not in the inventory; accepted because strictHostKeyChecking is false");
  const sudo = target.sudo;
  return { shell, ops: new RemoteOps(shell, { name: target.name, sudo, serviceUser: target.serviceUser }, logger) };
}
