import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../../common/logger.js";
import { RemoteOps } from "../../../../deploy/remote/remote-ops.js";
import { checkDisk, checkNode, checkSudo, DISK_MARGIN_BYTES } from "../../../../deploy/steps/preflight.js";
import type { HostState } from "../../../../deploy/steps/probe.js";
import { scriptedShell } from "../shells.js";

const state: HostState = {
  user: "lab",
  nodePath: "/usr/bin/node",
  nodeVersion: "20.11.1",
  platform: "linux-x64-abi115",
  systemd: true,
  current: undefined,
  bundleUploaded: false,
  runnerSha256: undefined,
  unitSha256: undefined,
  diskPath: "/opt",
  diskFreeBytes: 100 * 1024 * 1024,
};

describe("preflight", () => {
  it("finds node, refuses an old one, a missing one and another platform", () => {
    expect(checkNode("tg1", state, "node", "linux-x64-abi115")).toBe("/usr/bin/node");
    expect(() => checkNode("tg1", { ...state, nodeVersion: "18.19.0" }, "node", "linux-x64-abi115")).toThrow(expect.objectContaining({ code: "DEPLOY_NODE_MISSING", message: expect.stringContaining("Node.js 18.19.0 at /usr/bin/node on tg1 is too old") }));
    expect(() => checkNode("tg1", { ...state, nodePath: undefined, nodeVersion: undefined }, "node", "x")).toThrow(expect.objectContaining({ code: "DEPLOY_NODE_MISSING", message: expect.stringContaining("No working `node` on tg1 (as lab)") }));
    expect(() => checkNode("tg1", state, "node", "linux-arm64-abi115")).toThrow(expect.objectContaining({ code: "DEPLOY_PLATFORM_MISMATCH", context: expect.objectContaining({ hostPlatform: "linux-x64-abi115", bundlePlatform: "linux-arm64-abi115" }) }));
  });

  it("refuses a release that does not fit on the disk, saying where and how much", () => {
    expect(() => checkDisk("tg1", state, 100 * 1024 * 1024 - DISK_MARGIN_BYTES)).not.toThrow();
    expect(() => checkDisk("tg1", state, 90 * 1024 * 1024)).toThrow(
      expect.objectContaining({
        code: "DEPLOY_DISK_FULL",
        message: "Not enough disk on tg1 at /opt: the release needs 106.0 MiB, 100.0 MiB free; free space or choose another installDir",
        context: expect.objectContaining({ host: "tg1", path: "/opt" }),
      }),
    );
    expect(() => checkDisk("tg1", { ...state, diskFreeBytes: 0 }, 0)).not.toThrow();
  });

  it("checks password-less sudo and says what is missing", async () => {
    const ops = (answer: { exitCode: number; stderr: string }) => new RemoteOps(scriptedShell([[/^sudo -n true$/, answer]]), { name: "tg1", sudo: true, serviceUser: "lab" }, silentLogger);
    await expect(checkSudo(ops({ exitCode: 0, stderr: "" }))).resolves.toBeUndefined();
    await expect(checkSudo(ops({ exitCode: 1, stderr: "sudo: a password is required\n" }))).rejects.toMatchObject({
      code: "DEPLOY_SUDO_DENIED",
      message: expect.stringContaining("cannot use sudo without a password on tg1 (sudo: a password is required)"),
      context: { host: "tg1", step: "sudo" },
    });
    await expect(checkSudo(ops({ exitCode: 127, stderr: "sh: 1: sudo: not found\n" }))).rejects.toMatchObject({ code: "DEPLOY_SUDO_DENIED", message: expect.stringContaining("sudo is not installed on tg1") });
  });
});
