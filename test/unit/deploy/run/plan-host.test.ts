import { describe, expect, it } from "vitest";
import { planHost, resolveServiceKind } from "../../../../deploy/run/plan-host.js";
import { serviceManager } from "../../../../deploy/service/service-manager.js";
import { parseProbe } from "../../../../deploy/steps/probe.js";
import { bundle, probeOutput, sha, target } from "./fixtures.js";

const runner = serviceManager("runner", { installDir: "/opt/testbench", serviceName: "testbench-agent", serviceUser: "lab", nodePath: "/usr/bin/node" });

describe("planHost", () => {
  it("plans a full install on an empty host", () => {
    const plan = planHost(target(), bundle(), parseProbe("tg1", probeOutput()), runner);
    expect(plan).toMatchObject({ upload: true, install: true, writeDefinition: true, definitionExisted: false, unchanged: false });
    expect(plan.neededBytes).toBe(bundle().sizeBytes + bundle().unpackedBytes);
    expect(plan.steps[0]).toBe("upload bundle bbbbbbbbbbbb (30.0 MiB) to /opt/testbench/bundles");
    expect(plan.steps.at(-1)).toBe("keep the newest 3 release(s); roll back to nothing if anything fails");
  });

  it("changes nothing when bundle, agent.yaml, token and service definition are what is installed", () => {
    const state = { ...parseProbe("tg1", probeOutput({ installed: true })), runnerSha256: sha(runner.definition) };
    const plan = planHost(target(), bundle(), state, runner);
    expect(plan).toMatchObject({ upload: false, install: false, writeDefinition: false, unchanged: true, neededBytes: 0 });
    expect(plan.steps[0]).toMatch(/^nothing to change: release 0\.1\.0-bbbbbbbbbbbb-\S+ is current/);
  });

  it.each([
    ["the token", target({ token: "another-token-0123456789" })],
    ["agent.yaml", target({ agentYaml: "agentId: tg1\nheartbeatIntervalS: 2\n" })],
  ])("installs a new release (without uploading) when %s changed", (_what, changed) => {
    const state = { ...parseProbe("tg1", probeOutput({ installed: true })), runnerSha256: sha(runner.definition) };
    expect(planHost(changed, bundle(), state, runner)).toMatchObject({ upload: false, install: true, unchanged: false, neededBytes: bundle().unpackedBytes });
  });

  it("only rewrites the service definition when that alone changed", () => {
    const state = { ...parseProbe("tg1", probeOutput({ installed: true })), runnerSha256: "0".repeat(64) };
    expect(planHost(target(), bundle(), state, runner)).toMatchObject({ install: false, writeDefinition: true, definitionExisted: true, unchanged: false });
  });

  it("picks systemd where it runs, the runner elsewhere, and refuses systemd where it does not run", () => {
    expect(resolveServiceKind("tg1", "auto", true)).toBe("systemd");
    expect(resolveServiceKind("tg1", "auto", false)).toBe("runner");
    expect(resolveServiceKind("tg1", "runner", true)).toBe("runner");
    expect(() => resolveServiceKind("tg1", "systemd", false)).toThrow(expect.objectContaining({ code: "DEPLOY_UNSUPPORTED" }));
  });
});
