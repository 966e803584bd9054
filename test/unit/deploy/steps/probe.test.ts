/** The probe script run with sh on this machine (what it finds), and its parser. */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../../common/logger.js";
import { localPlatform } from "../../../../deploy/bundle/build-bundle.js";
import { RemoteOps } from "../../../../deploy/remote/remote-ops.js";
import { parseProbe, probeHost } from "../../../../deploy/steps/probe.js";
import { localShell } from "../shells.js";

let dir = "";
const sha = (text: string): string => createHash("sha256").update(text).digest("hex");
const ops = () => new RemoteOps(localShell(), { name: "local", sudo: false, serviceUser: "x" }, silentLogger);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tb-probe-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("probeHost", () => {
  it("on a fresh host: who, which node, no systemd here, nothing installed, free disk at the nearest existing folder", async () => {
    const state = await probeHost(ops(), join(dir, "not/yet/there"), "node", "0".repeat(64), "testbench-agent");
    expect(state).toMatchObject({
      user: userInfo().username,
      nodeVersion: process.versions.node,
      platform: localPlatform(),
      current: undefined,
      bundleUploaded: false,
      runnerSha256: undefined,
      diskPath: dir,
    });
    expect(state.nodePath).toMatch(/\/node$/);
    expect(state.diskFreeBytes).toBeGreaterThan(1024 * 1024);
  });

  it("reads the current release, the digests of its config and token, and where it listens", async () => {
    const install = join(dir, "opt");
    const yaml = "agentId: tg1\nlisten: {host: 0.0.0.0, port: 9000}\ntokenFile: agent.token\n";
    await mkdir(join(install, "releases/r1"), { recursive: true });
    await mkdir(join(install, "bundles"));
    await mkdir(join(install, "bin"));
    await writeFile(join(install, "releases/r1/agent.yaml"), yaml);
    await writeFile(join(install, "releases/r1/agent.token"), "secret-token-0123456789\n");
    await writeFile(join(install, "releases/r1/release.json"), JSON.stringify({ version: "1.2.3", bundleSha256: "ab".repeat(32) }) + "\n");
    await writeFile(join(install, "bundles", `${"ab".repeat(32)}.tar.gz`), "x");
    await writeFile(join(install, "bin/testbench-agent-service"), "#!/bin/sh\n");
    await symlink("releases/r1", join(install, "current"));
    const state = await probeHost(ops(), install, "node", "ab".repeat(32), "testbench-agent");
    expect(state.current).toEqual({
      name: "r1",
      version: "1.2.3",
      bundleSha256: "ab".repeat(32),
      configSha256: sha(yaml),
      tokenSha256: sha("secret-token-0123456789\n"),
      agentId: "tg1",
      listenHost: "0.0.0.0",
      listenPort: 9000,
    });
    expect(state).toMatchObject({ bundleUploaded: true, runnerSha256: sha("#!/bin/sh\n"), diskPath: install });
  });

  it("reports a missing node and refuses an answer it cannot read", () => {
    expect(parseProbe("tg1", "user=lab\nnode=\nsystemd=yes\nbundle=no\ndiskPath=/opt\ndiskFreeKb=100\n")).toMatchObject({ nodePath: undefined, nodeVersion: undefined, systemd: true, diskFreeBytes: 102400 });
    expect(() => parseProbe("tg1", "Welcome to the lab!\n")).toThrow(expect.objectContaining({ code: "DEPLOY_REMOTE_COMMAND_FAILED", context: { host: "tg1", step: "probe" } }));
  });
});
