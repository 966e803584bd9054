/** A host target, a bundle and a probe answer for run/ tests. */
import { createHash } from "node:crypto";
import type { Bundle } from "../../../../deploy/bundle/build-bundle.js";
import type { HostTarget } from "../../../../deploy/inventory/host-target.js";

export const sha = (text: string): string => createHash("sha256").update(text).digest("hex");

export function target(overrides: Partial<HostTarget> = {}): HostTarget {
  return {
    name: "tg1",
    groups: [],
    ssh: { address: "10.0.0.1", port: 22, user: "lab", keyFile: "/k", hostKeys: [], strictHostKeyChecking: true, connectTimeoutS: 5 },
    installDir: "/opt/testbench",
    sudo: false,
    serviceUser: "lab",
    service: "auto",
    serviceName: "testbench-agent",
    node: "node",
    token: "tok-0123456789abcdef",
    agentYaml: "agentId: tg1\ntokenFile: agent.token\n",
    agentId: "tg1",
    listenHost: "127.0.0.1",
    listenPort: 8765,
    verifyTimeoutS: 5,
    keepReleases: 3,
    ...overrides,
  };
}

export function bundle(file = "/dev/null"): Bundle {
  return { file, sha256: "b".repeat(64), sizeBytes: 30 * 1024 * 1024, unpackedBytes: 100 * 1024 * 1024, version: "0.1.0", platform: "linux-x64-abi115" };
}

/** The probe's stdout for a host with node 20 and, optionally, an installed release. */
export function probeOutput(options: { systemd?: boolean; freeKb?: number; installed?: boolean; platform?: string; node?: boolean } = {}): string {
  const lines = ["user=lab", options.node === false ? "node=" : "node=/usr/bin/node"];
  if (options.node !== false) lines.push(`nodeInfo=20.11.1 ${options.platform ?? "linux-x64-abi115"}`);
  lines.push(`systemd=${options.systemd ? "yes" : "no"}`);
  if (options.installed) {
    const t = target();
    lines.push("current=0.1.0-bbbbbbbbbbbb-20250101T000000000Z", `release={"version":"0.1.0","bundleSha256":"${"b".repeat(64)}"}`);
    lines.push(`configSha=${sha(t.agentYaml)}`, `tokenSha=${sha(`${t.token}\n`)}`, `configB64=${Buffer.from(t.agentYaml).toString("base64")}`);
  }
  lines.push(`bundle=${options.installed ? "yes" : "no"}`, "diskPath=/opt", `diskFreeKb=${options.freeKb ?? 10_000_000}`);
  return `${lines.join("\n")}\n`;
}
