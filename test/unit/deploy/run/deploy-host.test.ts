/**
 * deployHost's fault paths with a scripted host (no SSH): every failure becomes the host's row
 * with a DEPLOY_* code saying what and where, and nothing is switched when the install fails.
 */
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../../common/logger.js";
import { systemClock } from "../../../../common/system-clock.js";
import { RemoteOps } from "../../../../deploy/remote/remote-ops.js";
import type { ScriptedAnswer } from "../shells.js";
import { scriptedShell } from "../shells.js";
import { deployHost } from "../../../../deploy/run/deploy-host.js";
import type { HostTarget } from "../../../../deploy/inventory/host-target.js";
import { bundle, probeOutput, target } from "./fixtures.js";

async function deployWith(rules: ReadonlyArray<readonly [RegExp, ScriptedAnswer]>, host: HostTarget = target(), dryRun = false, signal?: AbortSignal) {
  const shell = scriptedShell(rules, "tg1", signal);
  const result = await deployHost(host, {
    bundle: bundle(),
    clock: systemClock,
    logger: silentLogger,
    dryRun,
    ...(signal ? { signal } : {}),
    connect: (t) => Promise.resolve({ shell: Object.assign(shell, { hostKeyFingerprint: "SHA256:x", hostKeyListed: true }), ops: new RemoteOps(shell, { name: t.name, sudo: t.sudo, serviceUser: t.serviceUser }, silentLogger) }),
  });
  return { result, commands: shell.commands };
}

const PROBE = /echo "user=/;

describe("deployHost: per-host errors", () => {
  it("missing sudo rights: DEPLOY_SUDO_DENIED before anything else runs", async () => {
    const { result, commands } = await deployWith([[/^sudo -n true$/, { exitCode: 1, stderr: "sudo: a password is required\n" }]], target({ sudo: true }));
    expect(result).toMatchObject({ host: "tg1", outcome: "failed", error: { code: "DEPLOY_SUDO_DENIED", context: { host: "tg1", step: "sudo" } } });
    expect(commands).toEqual(["sudo -n true"]);
  });

  it("a full disk found by the probe: DEPLOY_DISK_FULL naming the folder and the sizes; nothing written", async () => {
    const { result, commands } = await deployWith([[PROBE, { stdout: probeOutput({ freeKb: 50_000 }) }]]);
    expect(result).toMatchObject({ outcome: "failed", error: { code: "DEPLOY_DISK_FULL", context: { host: "tg1", path: "/opt" } } });
    expect(result.detail).toMatch(/^Not enough disk on tg1 at \/opt: the release needs 146\.0 MiB, 48\.8 MiB free/);
    expect(commands).toHaveLength(1);
  });

  it("a disk that fills up during the upload: DEPLOY_DISK_FULL at that step; current is never switched", async () => {
    const { result, commands } = await deployWith([
      [PROBE, { stdout: probeOutput() }],
      [/cat > .*\.partial/, { exitCode: 1, stderr: "cat: write error: No space left on device\n" }],
    ]);
    expect(result).toMatchObject({ outcome: "failed", error: { code: "DEPLOY_DISK_FULL", context: { host: "tg1", step: "upload the bundle" } } });
    expect(commands.some((command) => command.includes("current.new"))).toBe(false);
  });

  it("a failed unpack removes the half release and leaves the running one alone", async () => {
    const { result, commands } = await deployWith([
      [PROBE, { stdout: probeOutput({ installed: true }).replace("release={", 'release={"x":1,').replace(`"bundleSha256":"${"b".repeat(64)}"`, '"bundleSha256":"old"') }],
      [/tar -xzf/, { exitCode: 2, stderr: "tar: Unexpected EOF in archive\n" }],
    ]);
    expect(result).toMatchObject({ outcome: "failed", release: "0.1.0-bbbbbbbbbbbb-20250101T000000000Z", error: { code: "DEPLOY_REMOTE_COMMAND_FAILED", context: { step: "unpack the bundle" } } });
    expect(result.detail).toContain("install failed before the switch; 0.1.0-bbbbbbbbbbbb-20250101T000000000Z keeps running");
    expect(commands.some((command) => command.includes("rm -rf") && command.includes(".partial"))).toBe(true);
    expect(commands.some((command) => command.includes("current.new") || command.includes("restart"))).toBe(false);
  });

  it("no node, or a bundle built for another platform: refused after the probe", async () => {
    expect((await deployWith([[PROBE, { stdout: probeOutput({ node: false }) }]])).result.error?.code).toBe("DEPLOY_NODE_MISSING");
    expect((await deployWith([[PROBE, { stdout: probeOutput({ platform: "linux-arm64-abi115" }) }]])).result.error?.code).toBe("DEPLOY_PLATFORM_MISMATCH");
  });

  it("a dry run probes and plans but runs nothing that writes", async () => {
    const { result, commands } = await deployWith([[PROBE, { stdout: probeOutput({ systemd: true }) }]], target(), true);
    expect(result).toMatchObject({ outcome: "planned", error: undefined });
    expect(result.lines).toContain("write /etc/systemd/system/testbench-agent.service (systemd)");
    expect(commands).toHaveLength(1);
  });

  it("cancelled (Ctrl-C) after the switch: still switches back to the previous release and restarts it", async () => {
    const cancel = new AbortController();
    const previous = "0.1.0-bbbbbbbbbbbb-20250101T000000000Z";
    const probe = probeOutput({ installed: true }).replace(`"bundleSha256":"${"b".repeat(64)}"`, '"bundleSha256":"old"');
    const { result, commands } = await deployWith(
      [
        [PROBE, { stdout: probe }],
        [
          /testbench-agent-service restart/,
          () => {
            cancel.abort(Object.assign(new Error("interrupted by signal"), { name: "AbortError" }));
            return {};
          },
        ],
      ],
      target(),
      false,
      cancel.signal,
    );
    const restarts = commands.filter((command) => command.includes("testbench-agent-service restart"));
    expect(restarts).toHaveLength(2);
    const afterCancel = commands.slice(commands.indexOf(restarts[0]!) + 1);
    expect(afterCancel.some((command) => command.includes(`ln -s releases/${previous}`))).toBe(true);
    expect(result.outcome).toBe("failed");
  });

  it("with sudo, writes as root and runs the service as the service user", async () => {
    const { commands } = await deployWith(
      [
        [PROBE, { stdout: probeOutput() }],
        [/tar -xzf/, { exitCode: 2, stderr: "stop here" }],
      ],
      target({ sudo: true, serviceUser: "tb" }),
    );
    expect(commands[0]).toBe("sudo -n true");
    expect(commands.slice(1).every((command) => command.startsWith("sudo -n -- sh -c "))).toBe(true);
    expect(commands.some((command) => command.includes("chown tb"))).toBe(true);
  });
});
