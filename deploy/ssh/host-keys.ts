/**
 * Expected SSH host keys: parsed from a known_hosts file (OpenSSH format, hashed names included)
 * or given inline as "type base64 [comment]", and matched against the key a server presents.
 */
import { createHash, createHmac } from "node:crypto";

export interface HostKey {
  /** Key type as written, e.g. ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa. */
  readonly type: string;
  /** The public key blob (base64-decoded), as the server sends it. */
  readonly blob: Buffer;
  /** Where it came from, for messages ("known_hosts:3", "inline"). */
  readonly origin: string;
}

/** SHA256:... as `ssh-keygen -l` prints it. */
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
}

/** The key type written inside a blob (its first SSH string). */
export function blobType(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined;
  const length = blob.readUInt32BE(0);
  return length > 0 && 4 + length <= blob.length ? blob.subarray(4, 4 + length).toString("latin1") : undefined;
}

/** Parse "type base64 [comment]"; undefined when it is not a public key line. */
export function parsePublicKey(text: string, origin: string): HostKey | undefined {
  const [type, data] = text.trim().split(/\s+/);
  if (type === undefined || data === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return undefined;
  const blob = Buffer.from(data, "base64");
  return blobType(blob) === type ? { type, blob, origin } : undefined;
}

/** The name known_hosts uses for a host: "host" on port 22, "[host]:port" otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function wildcardMatch(pattern: string, name: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*").replaceAll("?", ".");
  return new RegExp(`^${regex}$`, "i").test(name);
}

function hashedMatch(pattern: string, name: string): boolean {
  const [, magic, salt, hash] = pattern.split("|");
  if (magic !== "1" || salt === undefined || hash === undefined) return false;
  return createHmac("sha1", Buffer.from(salt, "base64")).update(name).digest("base64") === hash;
}

/** Does a comma-separated pattern list (with !negations and |1| hashes) name this host? */
export function hostPatternsMatch(patterns: string, name: string): boolean {
  let matched = false;
  for (const pattern of patterns.split(",")) {
    if (pattern.startsWith("|")) {
      if (hashedMatch(pattern, name)) matched = true;
    } else if (pattern.startsWith("!")) {
      if (wildcardMatch(pattern.slice(1), name)) return false;
    } else if (wildcardMatch(pattern, name)) {
      matched = true;
    }
  }
  return matched;
}

/**
 * The keys a known_hosts text lists for `host`:`port`. Marker lines (@cert-authority, @revoked)
 * are skipped: certificate authorities are not supported, so only plain keys are trusted.
 */
export function keysFromKnownHosts(text: string, file: string, host: string, port: number): HostKey[] {
  const name = knownHostsName(host, port);
  const keys: HostKey[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith("@")) return;
    const [patterns, ...rest] = line.split(/\s+/);
    if (patterns === undefined || !hostPatternsMatch(patterns, name)) return;
    const key = parsePublicKey(rest.join(" "), `${file}:${index + 1}`);
    if (key !== undefined) keys.push(key);
  });
  return keys;
}

/** Host-key algorithms to offer so that the server presents a key of a type we know (as OpenSSH does). */
export function hostKeyAlgorithms(keys: readonly HostKey[]): string[] {
  const algorithms = new Set<string>();
  for (const key of keys) {
    if (key.type === "ssh-rsa") ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"].forEach((name) => algorithms.add(name));
    else algorithms.add(key.type);
  }
  return [...algorithms];
}
