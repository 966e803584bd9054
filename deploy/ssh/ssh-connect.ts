/**
 * Open an SSH connection with ssh2: strict host-key checking against the expected keys, key or
 * agent authentication, and errors that say what failed where (DEPLOY_UNREACHABLE,
 * DEPLOY_AUTH_FAILED, DEPLOY_HOST_KEY_MISMATCH, DEPLOY_HOST_KEY_UNKNOWN).
 */
import ssh2, { type Client, type ConnectConfig, type ServerHostKeyAlgorithm } from "ssh2";
import { DeployError, DeployErrorCode, detailOf } from "../errors.js";
import { fingerprint, hostKeyAlgorithms, knownHostsName, type HostKey } from "./host-keys.js";

export interface SshTarget {
  /** Inventory name (messages, error context). */
  readonly host: string;
  readonly address: string;
  readonly port: number;
  readonly user: string;
  /** Private key (PEM or OpenSSH format); undefined: use the SSH agent at agentSocket. */
  readonly privateKey: Buffer | undefined;
  /** Where the key came from, for messages (never its content). */
  readonly keyOrigin: string;
  readonly agentSocket: string | undefined;
  readonly hostKeys: readonly HostKey[];
  /** Refuse a host whose key is not listed (true) or accept it with a warning (false). A listed key that differs always refuses. */
  readonly strictHostKeyChecking: boolean;
  readonly connectTimeoutS: number;
}

type HostKeyVerdict = { readonly kind: "ok" | "accepted-unknown"; readonly presented: Buffer } | { readonly kind: "mismatch" | "unknown"; readonly presented: Buffer };

function hostKeyError(target: SshTarget, verdict: HostKeyVerdict): DeployError {
  const presented = fingerprint(verdict.presented);
  const context = { host: target.host, step: "connect", address: target.address, port: target.port, presentedFingerprint: presented };
  if (verdict.kind === "mismatch") {
    const expected = target.hostKeys.map((key) => `${fingerprint(key.blob)} (${key.origin})`).join(", ");
    return new DeployError(
      DeployErrorCode.hostKeyMismatch,
      `Host key of ${target.host} (${target.address}:${target.port}) is ${presented}, but the inventory expects ${expected}. ` +
        "Refusing to connect: this may be a different machine or an attack. If the host was reinstalled, update its key.",
      { context },
    );
  }
  const line = `${knownHostsName(target.address, target.port)} ${blobLine(verdict.presented)}`;
  return new DeployError(
    DeployErrorCode.hostKeyUnknown,
    `Host key of ${target.host} (${target.address}:${target.port}) is unknown (${presented}); check it out of band and add it ` +
      `to the inventory (ssh.hostKey) or its known_hosts file, e.g.: ${line}`,
    { context },
  );
}

function blobLine(blob: Buffer): string {
  const length = blob.readUInt32BE(0);
  return `${blob.subarray(4, 4 + length).toString("latin1")} ${blob.toString("base64")}`;
}

function connectionError(target: SshTarget, error: Error & { level?: string; code?: string }): DeployError {
  const where = `${target.user}@${target.address}:${target.port}`;
  const context = { host: target.host, step: "connect", address: target.address, port: target.port, user: target.user };
  switch (error.level) {
    case "client-socket":
    case "client-dns":
      return new DeployError(DeployErrorCode.unreachable, `Cannot reach ${target.host} (${where}): ${error.message}; check the address and port and that sshd runs there`, {
        context,
        cause: error,
        retryable: true,
      });
    case "client-timeout":
      return new DeployError(DeployErrorCode.unreachable, `No SSH handshake with ${target.host} (${where}) within ${target.connectTimeoutS} s; is the host up and the port right?`, {
        context,
        cause: error,
        retryable: true,
      });
    case "client-authentication":
      return new DeployError(
        DeployErrorCode.authFailed,
        `${target.host} (${where}) refused the SSH key (${target.keyOrigin}); check ssh.user and that its public key is in ~${target.user}/.ssh/authorized_keys`,
        { context, cause: error },
      );
    default:
      return new DeployError(DeployErrorCode.sshFailed, `SSH connection to ${target.host} (${where}) failed: ${error.message}`, { context, cause: error });
  }
}

export interface SshConnection {
  readonly client: Client;
  /** The fingerprint of the key the host presented. */
  readonly hostKeyFingerprint: string;
  /** False when the key was not listed and strictHostKeyChecking is off (the result says so). */
  readonly hostKeyListed: boolean;
}

/** Connect and authenticate; the signal aborts the attempt. The caller owns (and ends) the client. */
export function connectSsh(target: SshTarget, signal?: AbortSignal): Promise<SshConnection> {
  signal?.throwIfAborted();
  const client = new ssh2.Client();
  let verdict: HostKeyVerdict | undefined;
  const verifyHostKey = (presented: Buffer): boolean => {
    const known = target.hostKeys.some((key) => key.blob.equals(presented));
    const kind = known ? "ok" : target.hostKeys.length > 0 ? "mismatch" : target.strictHostKeyChecking ? "unknown" : "accepted-unknown";
    verdict = { kind, presented };
    return kind === "ok" || kind === "accepted-unknown";
  };
  const config: ConnectConfig = {
    host: target.address,
    port: target.port,
    username: target.user,
    readyTimeout: Math.round(target.connectTimeoutS * 1000),
    keepaliveInterval: 15_000,
    hostVerifier: verifyHostKey,
    ...(target.hostKeys.length > 0 ? { algorithms: { serverHostKey: hostKeyAlgorithms(target.hostKeys) as ServerHostKeyAlgorithm[] } } : {}),
    ...(target.privateKey !== undefined ? { privateKey: target.privateKey } : { agent: target.agentSocket }),
  };
  return new Promise<SshConnection>((resolve, reject) => {
    const onAbort = (): void => {
      client.destroy();
      reject(signal?.reason instanceof Error ? signal.reason : new Error(String(signal?.reason)));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    client.once("ready", () => {
      signal?.removeEventListener("abort", onAbort);
      client.on("error", () => undefined);
      const presented = verdict?.presented ?? Buffer.alloc(0);
      resolve({ client, hostKeyFingerprint: fingerprint(presented), hostKeyListed: verdict?.kind === "ok" });
    });
    client.once("error", (error: Error & { level?: string }) => {
      signal?.removeEventListener("abort", onAbort);
      client.destroy();
      if (verdict !== undefined && verdict.kind !== "ok" && verdict.kind !== "accepted-unknown") reject(hostKeyError(target, verdict));
      else reject(connectionError(target, error));
    });
    try {
      client.connect(config);
    } catch (error) {
      signal?.removeEventListener("abort", onAbort);
      reject(new DeployError(DeployErrorCode.sshFailed, `Cannot start an SSH connection to ${target.host}: ${detailOf(error)} (is ${target.keyOrigin} a private key?)`, {
        context: { host: target.host, step: "connect" },
        cause: error,
      }));
    }
  });
}

