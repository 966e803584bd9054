/** The commands each service manager sends (systemd cannot run in the test sandbox; the runner runs for real in runner-script.test.ts). */
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../../common/logger.js";
import { RemoteOps } from "../../../../deploy/remote/remote-ops.js";
import { serviceManager } from "../../../../deploy/service/service-manager.js";
import { scriptedShell, type ScriptedAnswer } from "../shells.js";

const target = { installDir: "/opt/testbench", serviceName: "testbench-agent", serviceUser: "tb", nodePath: "/usr/bin/node" };

function opsWith(rules: ReadonlyArray<readonly [RegExp, ScriptedAnswer]> = [], sudo = false) {
  const shell = scriptedShell(rules);
  return { shell, ops: new RemoteOps(shell, { name: "tg1", sudo, serviceUser: "tb" }, silentLogger) };
}

describe("systemd", () => {
  const systemd = serviceManager("systemd", target);

  it("writes the unit beside a backup of the old one, reloads and enables it; restores or removes it on rollback", async () => {
    const { shell, ops } = opsWith();
    await systemd.installDefinition(ops);
    expect(shell.commands[0]).toContain("cp -p /etc/systemd/system/testbench-agent.service /etc/systemd/system/testbench-agent.service.previous");
    expect(shell.commands[0]).toMatch(/systemctl daemon-reload\nsystemctl enable testbench-agent\.service/);
    await systemd.restoreDefinition(ops, true);
    expect(shell.commands[1]).toContain("mv -f /etc/systemd/system/testbench-agent.service.previous /etc/systemd/system/testbench-agent.service");
    await systemd.restoreDefinition(ops, false);
    expect(shell.commands[2]).toMatch(/systemctl disable testbench-agent\.service[\s\S]*rm -f \/etc\/systemd\/system\/testbench-agent\.service /);
  });

  it("restarts, stops, reads status and the journal with systemctl and journalctl", async () => {
    const { shell, ops } = opsWith([
      [/is-active/, { exitCode: 3, stdout: "inactive\n" }],
      [/journalctl/, { stdout: "line 1\nline 2\n" }],
    ]);
    await systemd.restart(ops);
    await systemd.stop(ops);
    expect(await systemd.status(ops)).toEqual({ running: false, detail: "inactive" });
    expect(await systemd.logs(ops, 20)).toBe("line 1\nline 2\n");
    expect(shell.commands.map((command) => command.replace(/^sh -c /, ""))).toEqual([
      "'systemctl restart testbench-agent.service'",
      "'systemctl stop testbench-agent.service'",
      "'systemctl is-active testbench-agent.service'",
      "'journalctl -u testbench-agent.service -n 20 --no-pager -o short-iso'",
    ]);
  });
});

describe("the service runner", () => {
  const runner = serviceManager("runner", target);

  it("runs the runner as the service user under sudo and reads its status codes", async () => {
    const { shell, ops } = opsWith([[/status/, { exitCode: 0, stdout: "running 4242\n" }]], true);
    await runner.restart(ops);
    expect(shell.commands[0]).toBe("sudo -n -u tb -- sh -c '/opt/testbench/bin/testbench-agent-service restart'");
    expect(await runner.status(ops)).toEqual({ running: true, detail: "running 4242" });
    expect(runner.definition).toContain("DIR=/opt/testbench\nNODE=/usr/bin/node\n");
  });

  it("says stopped for exit 3 and fails for anything else", async () => {
    expect(await runner.status(opsWith([[/status/, { exitCode: 3, stdout: "stopped\n" }]]).ops)).toEqual({ running: false, detail: "stopped" });
    await expect(runner.status(opsWith([[/status/, { exitCode: 126, stderr: "Permission denied" }]]).ops)).rejects.toMatchObject({ code: "DEPLOY_SERVICE_FAILED", context: { host: "tg1" } });
  });
});
