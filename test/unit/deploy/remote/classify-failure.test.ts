import { describe, expect, it } from "vitest";
import { classifyFailure, outputTail } from "../../../../deploy/remote/classify-failure.js";
import { RemoteOps } from "../../../../deploy/remote/remote-ops.js";
import { silentLogger } from "../../../../common/logger.js";
import { scriptedShell } from "../shells.js";

const failed = (stderr: string, exitCode = 1) => ({ exitCode, stdout: "", stderr });

describe("classifyFailure", () => {
  it.each([
    ["tar: app/node_modules/x: Cannot write: No space left on device", "DEPLOY_DISK_FULL", /free space on the host/],
    ["cat: write error: Disk quota exceeded", "DEPLOY_DISK_FULL", /free space/],
    ["sudo: a password is required", "DEPLOY_SUDO_DENIED", /NOPASSWD/],
    ["lab is not in the sudoers file.  This incident will be reported.", "DEPLOY_SUDO_DENIED", /NOPASSWD/],
    ["sh: 1: sudo: not found", "DEPLOY_SUDO_DENIED", /NOPASSWD/],
    ["mkdir: cannot create directory '/opt/testbench': Permission denied", "DEPLOY_PERMISSION_DENIED", /sudo: true/],
    ["tar: unexpected EOF", "DEPLOY_REMOTE_COMMAND_FAILED", /unpack failed on tg1 \(exit 2\): tar: unexpected EOF$/],
  ])("%s -> %s", (stderr, code, hint) => {
    const error = classifyFailure("tg1", "unpack", failed(stderr, 2));
    expect(error).toMatchObject({ code, context: { host: "tg1", step: "unpack", exitCode: 2 } });
    expect(error.message).toMatch(hint);
    expect(error.message).toContain("unpack failed on tg1");
  });

  it("keeps the last lines of output, from stdout when stderr is empty", () => {
    expect(outputTail({ stdout: "1\n2\n3\n4\n5\n6\n7", stderr: "" })).toBe("3 | 4 | 5 | 6 | 7");
    expect(outputTail({ stdout: "ignored", stderr: "why\n" })).toBe("why");
  });
});

describe("RemoteOps", () => {
  it("runs scripts through sh -c, with sudo -n as root, and as the service user for the service", async () => {
    const shell = scriptedShell([]);
    await new RemoteOps(shell, { name: "tg1", sudo: false, serviceUser: "lab" }, silentLogger).run("a", "echo 'x'");
    const sudo = new RemoteOps(shell, { name: "tg1", sudo: true, serviceUser: "tb" }, silentLogger);
    await sudo.run("b", "id -un");
    await sudo.run("c", "start", { asServiceUser: true });
    expect(shell.commands).toEqual(["sh -c 'echo '\\''x'\\'''", "sudo -n -- sh -c 'id -un'", "sudo -n -u tb -- sh -c start"]);
  });

  it("throws the classified error of a failing step", async () => {
    const ops = new RemoteOps(scriptedShell([[/./, failed("No space left on device")]]), { name: "tg1", sudo: false, serviceUser: "lab" }, silentLogger);
    await expect(ops.run("upload the bundle", "cat > x")).rejects.toMatchObject({ code: "DEPLOY_DISK_FULL", context: { host: "tg1", step: "upload the bundle" } });
  });
});
