/** Upload, install, switch and prune, run with sh on this machine against a temporary installDir. */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../../common/logger.js";
import type { Bundle } from "../../../../deploy/bundle/build-bundle.js";
import { RemoteOps } from "../../../../deploy/remote/remote-ops.js";
import { installRelease, prepareInstallDir, releaseName, removeRelease } from "../../../../deploy/steps/install-release.js";
import { pruneReleases } from "../../../../deploy/steps/prune.js";
import { switchCurrent } from "../../../../deploy/steps/switch-current.js";
import { uploadBundle } from "../../../../deploy/steps/upload.js";
import { localShell, scriptedShell } from "../shells.js";

let dir = "";
let install = "";
let bundle: Bundle;
const ops = new RemoteOps(localShell(), { name: "local", sudo: false, serviceUser: "x" }, silentLogger);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tb-release-"));
  install = join(dir, "opt/testbench");
  await mkdir(join(dir, "src/dist/bin"), { recursive: true });
  await writeFile(join(dir, "src/dist/bin/testbench.js"), "console.log('agent')\n");
  await writeFile(join(dir, "src/package.json"), '{"name":"testbench","version":"9.8.7"}\n');
  await execa("tar", ["-czf", join(dir, "bundle.tar.gz"), "-C", join(dir, "src"), "dist", "package.json"]);
  const bytes = readFileSync(join(dir, "bundle.tar.gz"));
  bundle = { file: join(dir, "bundle.tar.gz"), sha256: createHash("sha256").update(bytes).digest("hex"), sizeBytes: bytes.length, unpackedBytes: 10240, version: "9.8.7", platform: "test" };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("release steps", () => {
  it("names releases by version, bundle and UTC time, so that they sort by time", () => {
    expect(releaseName({ version: "1.0.0", sha256: "0123456789abcdef" }, Date.UTC(2025, 0, 2, 3, 4, 5, 678))).toBe("1.0.0-0123456789ab-20250102T030405678Z");
  });

  it("uploads the bundle, checks its SHA-256 on the host and keeps it", async () => {
    await prepareInstallDir(ops, install, undefined);
    expect(statSync(join(install, "releases")).mode & 0o777).toBe(0o700);
    await uploadBundle(ops, install, bundle);
    expect(readFileSync(join(install, "bundles", `${bundle.sha256}.tar.gz`))).toEqual(readFileSync(bundle.file));
  });

  it("refuses a corrupt upload and removes it", async () => {
    const corrupt = scriptedShell([[/sha256sum/, { stdout: `${"0".repeat(64)}\n` }]]);
    await expect(uploadBundle(new RemoteOps(corrupt, { name: "tg1", sudo: false, serviceUser: "x" }, silentLogger), "/opt/tb", bundle)).rejects.toMatchObject({ code: "DEPLOY_UPLOAD_CORRUPT", context: { host: "tg1", step: "upload" } });
    expect(corrupt.commands.at(-1)).toMatch(/rm -f .*\.partial/);
  });

  it("installs a complete release folder with agent.yaml and agent.token (0600), then switches current atomically", async () => {
    await installRelease(ops, install, bundle, "r1-20250101T000000000Z", { agentYaml: "agentId: a\n", token: "tok-0123456789abcdef" }, undefined);
    const release = join(install, "releases/r1-20250101T000000000Z");
    expect(readFileSync(join(release, "app/dist/bin/testbench.js"), "utf8")).toContain("agent");
    expect(readFileSync(join(release, "agent.token"), "utf8")).toBe("tok-0123456789abcdef\n");
    expect(statSync(join(release, "agent.token")).mode & 0o777).toBe(0o600);
    expect(statSync(join(release, "agent.yaml")).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(release, "release.json"), "utf8"))).toEqual({ version: "9.8.7", bundleSha256: bundle.sha256, platform: "test" });
    expect(existsSync(`${release}.partial`)).toBe(false);
    await switchCurrent(ops, install, "r1-20250101T000000000Z");
    expect(readlinkSync(join(install, "current"))).toBe("releases/r1-20250101T000000000Z");
    await installRelease(ops, install, bundle, "r2-20250102T000000000Z", { agentYaml: "agentId: b\n", token: "tok-0123456789abcdef" }, undefined);
    await switchCurrent(ops, install, "r2-20250102T000000000Z");
    expect(readlinkSync(join(install, "current"))).toBe("releases/r2-20250102T000000000Z");
    expect(existsSync(join(install, "current.new"))).toBe(false);
  });

  it("leaves no release folder when unpacking fails", async () => {
    const broken = { ...bundle, sha256: "f".repeat(64) };
    await expect(installRelease(ops, install, broken, "r9-20250109T000000000Z", { agentYaml: "", token: "t" }, undefined)).rejects.toMatchObject({ code: "DEPLOY_REMOTE_COMMAND_FAILED", context: { step: "unpack the bundle" } });
    await removeRelease(ops, install, "r9-20250109T000000000Z");
    expect(readdirSync(join(install, "releases")).sort()).toEqual(["r1-20250101T000000000Z", "r2-20250102T000000000Z"]);
  });

  it("prunes to the newest releases (by their time stamp), keeping current and previous, and unused bundles", async () => {
    for (const name of ["r0-20241231T000000000Z", "r3-20250103T000000000Z", "old-20200101T000000000Z"]) {
      await installRelease(ops, install, bundle, name, { agentYaml: "", token: "t" }, undefined);
    }
    await mkdir(join(install, "releases/zz-20990101T000000000Z.partial"));
    await writeFile(join(install, "bundles", `${"e".repeat(64)}.tar.gz`), "unused");
    const removed = await pruneReleases(ops, install, 2, ["r1-20250101T000000000Z"]);
    expect(readdirSync(join(install, "releases")).sort()).toEqual(["r1-20250101T000000000Z", "r2-20250102T000000000Z", "r3-20250103T000000000Z"]);
    expect(removed).toEqual(expect.arrayContaining(["removed release r0-20241231T000000000Z", "removed release old-20200101T000000000Z", `removed bundle ${"e".repeat(64)}.tar.gz`]));
    expect(existsSync(join(install, "bundles", `${bundle.sha256}.tar.gz`))).toBe(true);
  });
});
