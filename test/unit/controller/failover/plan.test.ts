import { describe, expect, it } from "vitest";
import { agentsOf, clientDurationS, compileFailoverPlan, type RawFailoverPlan } from "../../../../controller/failover/index.js";

const raw: RawFailoverPlan = {
  sessions: [{ client: "c", server: "s", target: "10.77.9.1" }],
  meters: [{ agent: "dut", meter: "fpga" }],
  action: { agent: "dut", name: "failover", params: { pollMs: 20 } },
  t1S: 1,
  t2S: 3,
};

describe("compileFailoverPlan", () => {
  it("fills in the defaults and freezes the plan", () => {
    const plan = compileFailoverPlan(raw);
    expect(plan.sessions).toEqual([{ client: "c", server: "s", target: "10.77.9.1", port: 5201 }]);
    expect(plan.iperf).toEqual({ protocol: "udp", bitrateBps: null, lengthBytes: null, intervalS: 0.1 });
    expect(plan.meters).toEqual([{ agent: "dut", meter: "fpga", intervalMs: null }]);
    expect(Object.isFrozen(plan) && Object.isFrozen(plan.sessions[0])).toBe(true);
    expect(agentsOf(plan)).toEqual(["s", "c", "dut"]);
    expect(clientDurationS(plan)).toBe(3);
    expect(clientDurationS({ ...plan, t2S: 2.2 })).toBe(3);
  });

  it("refuses negative and overlapping times, naming the field and quoting the value", () => {
    expect(() => compileFailoverPlan({ ...raw, t1S: -1 })).toThrow(/failover timeline.t1S must be a number in \[0, 86000\], got -1/);
    expect(() => compileFailoverPlan({ ...raw, t1S: 0 })).toThrow(/timeline.t1S must be after t0/);
    expect(() => compileFailoverPlan({ ...raw, t2S: 1 })).toThrow(/timeline.t2S must be after the trigger t1S = 1 s, got 1/);
    expect(() => compileFailoverPlan({ ...raw, t2S: Number.NaN })).toThrow(expect.objectContaining({ code: "FAILOVER_PLAN_INVALID", context: { field: "timeline.t2S", value: "NaN" } }));
  });

  it("refuses a session list that is empty or reuses a server port, and bad iperf3 settings", () => {
    expect(() => compileFailoverPlan({ ...raw, sessions: [] })).toThrow(/sessions must be a list of at least one/);
    const twice = [raw.sessions[0]!, { ...raw.sessions[0]!, port: 5201 }];
    expect(() => compileFailoverPlan({ ...raw, sessions: twice })).toThrow(/sessions\[\]\.port must be unique per server agent/);
    expect(() => compileFailoverPlan({ ...raw, iperf: { intervalS: 0.05 } })).toThrow(/iperf.intervalS must be a number in \[0.1, 60\]/);
    expect(() => compileFailoverPlan({ ...raw, iperf: { protocol: "sctp" as "udp" } })).toThrow(/iperf.protocol must be "udp" or "tcp"/);
    expect(() => compileFailoverPlan({ ...raw, action: { agent: "", name: "x", params: {} } })).toThrow(/action.agent must be a non-empty string/);
  });
});
