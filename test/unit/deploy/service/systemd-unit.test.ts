import { describe, expect, it } from "vitest";
import { renderSystemdUnit, unitPath } from "../../../../deploy/service/systemd-unit.js";

describe("the systemd unit template", () => {
  it("runs the agent of <installDir>/current as the service user and restarts it", () => {
    const unit = renderSystemdUnit({ installDir: "/opt/testbench", node: "/usr/bin/node", serviceUser: "tb", serviceName: "testbench-agent" });
    expect(unit).toContain("ExecStart=/usr/bin/node /opt/testbench/current/app/dist/bin/testbench.js agent --config /opt/testbench/current/agent.yaml\n");
    expect(unit).toMatch(/^User=tb$/m);
    expect(unit).toMatch(/^WorkingDirectory=\/opt\/testbench\/current$/m);
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^WantedBy=multi-user.target$/m);
    expect(unitPath("testbench-agent")).toBe("/etc/systemd/system/testbench-agent.service");
  });

  it("quotes paths with spaces for systemd", () => {
    const unit = renderSystemdUnit({ installDir: "/srv/test bench", node: "/usr/bin/node", serviceUser: "tb", serviceName: "x" });
    expect(unit).toContain('ExecStart=/usr/bin/node "/srv/test bench/current/app/dist/bin/testbench.js" agent --config "/srv/test bench/current/agent.yaml"');
  });
});
