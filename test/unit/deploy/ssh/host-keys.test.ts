import { createHmac, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { fingerprint, hostKeyAlgorithms, hostPatternsMatch, keysFromKnownHosts, knownHostsName, parsePublicKey } from "../../../../deploy/ssh/host-keys.js";

const ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO2hZFShpG6vj2fycYFv4CsWcDoKhN9TDm/1JhLYGpJE";
const OTHER = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHb7PNUFt1dzvgTi9+0bbYcTL7VqS4HoNvmnO6zn5KD4";

describe("public keys", () => {
  it("parses 'type base64 [comment]' and refuses a line whose type and data disagree", () => {
    const key = parsePublicKey(`${ED25519} root@lab`, "inline");
    expect(key).toMatchObject({ type: "ssh-ed25519", origin: "inline" });
    expect(key!.blob.length).toBe(51);
    expect(parsePublicKey(ED25519.replace("ssh-ed25519", "ssh-rsa"), "x")).toBeUndefined();
    expect(parsePublicKey("ssh-ed25519 not*base64", "x")).toBeUndefined();
    expect(parsePublicKey("", "x")).toBeUndefined();
  });

  it("prints fingerprints as ssh-keygen -l does", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tb-keys-"));
    try {
      await execa("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", join(dir, "k")]);
      const line = (await readFile(join(dir, "k.pub"), "utf8")).trim();
      const { stdout } = await execa("ssh-keygen", ["-l", "-E", "sha256", "-f", join(dir, "k.pub")]);
      expect(stdout.split(" ")[1]).toBe(fingerprint(parsePublicKey(line, "file")!.blob));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("offers the host-key algorithms of the keys it knows (RSA keys by their SHA-2 signatures too)", () => {
    expect(hostKeyAlgorithms([parsePublicKey(ED25519, "x")!])).toEqual(["ssh-ed25519"]);
    expect(hostKeyAlgorithms([{ type: "ssh-rsa", blob: Buffer.alloc(0), origin: "x" }])).toEqual(["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"]);
  });
});

describe("known_hosts", () => {
  it("names hosts as OpenSSH does: bare on port 22, [host]:port otherwise", () => {
    expect(knownHostsName("lab1", 22)).toBe("lab1");
    expect(knownHostsName("10.0.0.1", 2222)).toBe("[10.0.0.1]:2222");
  });

  it("matches patterns with wildcards, negations and hashed names", () => {
    expect(hostPatternsMatch("lab1,lab2", "lab2")).toBe(true);
    expect(hostPatternsMatch("tg-*", "tg-07")).toBe(true);
    expect(hostPatternsMatch("tg-?", "tg-07")).toBe(false);
    expect(hostPatternsMatch("tg-*,!tg-07", "tg-07")).toBe(false);
    expect(hostPatternsMatch("[10.0.0.1]:2222", "[10.0.0.1]:2222")).toBe(true);
    expect(hostPatternsMatch("10.0.0.1", "[10.0.0.1]:2222")).toBe(false);
    const salt = randomBytes(20);
    const hashed = `|1|${salt.toString("base64")}|${createHmac("sha1", salt).update("lab9").digest("base64")}`;
    expect(hostPatternsMatch(hashed, "lab9")).toBe(true);
    expect(hostPatternsMatch(hashed, "lab8")).toBe(false);
  });

  it("lists the keys for one host and port, skipping comments, markers and other hosts", () => {
    const text = [
      "# lab hosts",
      `lab1 ${ED25519}`,
      `[lab1]:2222 ${OTHER}`,
      `@cert-authority *.lab ${OTHER}`,
      `lab2,lab1 ${OTHER} second key`,
      "",
    ].join("\n");
    const keys = keysFromKnownHosts(text, "known_hosts", "lab1", 22);
    expect(keys.map((key) => key.origin)).toEqual(["known_hosts:2", "known_hosts:5"]);
    expect(keysFromKnownHosts(text, "known_hosts", "lab1", 2222).map((key) => key.origin)).toEqual(["known_hosts:3"]);
    expect(keysFromKnownHosts(text, "known_hosts", "lab3", 22)).toEqual([]);
  });
});
