import { describe, expect, test } from "vitest";
import { continuousStream, createHarness, type Harness } from "./emulator-harness.js";

/** Ownership, streams, start/stop and their errors, against trex-rpc-facts.md section 2.2 and 7. */

function withStreams(h: Harness): string[] {
  const handlers = h.acquireAll();
  for (const port of [0, 1]) {
    const reply = h.call("add_stream", { handler: handlers[port], port_id: port, profile_id: "_", stream_id: 1, stream: continuousStream() });
    expect(reply.result).toEqual({});
  }
  return handlers;
}

describe("TRex emulator STL commands", () => {
  test("type checks name the field, the JSON kind and the byte offset of the value", () => {
    const h = createHarness();
    const text = `{"jsonrpc":"2.0","id":"x","method":"get_port_stats","params":{"api_h":"${h.trex.apiHandler}","port_id":"0"}}`;
    const reply = JSON.parse(h.raw(text).toString());
    expect(reply.error).toEqual({
      code: -32602,
      message: "Bad parameters for method",
      specific_err: `error at offset: ${text.indexOf('"0"')} - 'port_id' is 'string', expecting 'byte'`,
    });
    expect(h.call("get_port_stats", { port_id: 300 }).error.specific_err).toMatch(/'port_id' has size bigger than uint8\.$/);
    expect(h.call("get_port_stats", { port_id: 2 }).error).toEqual({ code: -32000, message: "Failed To Execute Method", specific_err: "invalid port id - should be: 0 1" });
    expect(h.call("get_port_stats", { port_id: 1.0 }).result.opackets).toBe(0);
  });

  test("acquire: handler string, same user and session get it back, others are refused without force", () => {
    const h = createHarness();
    const first = h.call("acquire", { port_id: 0, user: "alice", session_id: 1, force: false }).result;
    expect(first).toMatch(/^[A-Za-z0-9]{8}$/);
    expect(h.call("acquire", { port_id: 0, user: "alice", session_id: 1, force: false }).result).toBe(first);
    expect(h.call("acquire", { port_id: 0, user: "bob", session_id: 2, force: false }).error.specific_err).toBe("port is already taken by 'alice'");
    expect(h.call("acquire", { port_id: 0, user: "alice", session_id: 3, force: false }).error.specific_err).toBe("port is already owned by another session of 'alice'");
    const taken = h.call("acquire", { port_id: 0, user: "bob", session_id: 2, force: true }).result;
    expect(taken).not.toBe(first);
    expect(h.call("get_port_status", { port_id: 0, profile_id: "*", block: false }).result.owner).toBe("bob");
    expect(h.call("acquire", { port_id: 0, user: "bob", session_id: 2, force: "yes" }).error.code).toBe(-32602);
  });

  test("owned commands need the handler of the current owner", () => {
    const h = createHarness();
    const params = { handler: "nothing1", port_id: 0, profile_id: "_" };
    expect(h.call("remove_all_streams", params).error.specific_err).toBe("please acquire the port before modifying port state");
    h.acquireAll();
    expect(h.call("remove_all_streams", params).error.specific_err).toBe("port is not owned by you or your current executing session");
    expect(h.call("remove_all_streams", { port_id: 0 }).error.specific_err).toBe("field 'handler' value is null");
  });

  test("state machine: IDLE -> STREAMS -> TX -> STREAMS, with TRex's state error text", () => {
    const h = createHarness();
    const [h0] = h.acquireAll();
    const owned = { handler: h0, port_id: 0, profile_id: "_" };
    const start = { ...owned, mul: { type: "pps", op: "abs", value: 1000 }, duration: 1, force: false, start_at_ts: 0 };
    expect(h.call("start_traffic", start).error.specific_err).toBe("command 'start' cannot be executed on current state: 'IDLE on profile_id(_).");
    h.call("add_stream", { ...owned, stream_id: 1, stream: continuousStream() });
    expect(h.call("add_stream", { ...owned, stream_id: 1, stream: continuousStream() }).error.specific_err).toBe("stream 1 already exists in profile_id(_)");
    expect(h.call("get_port_status", { port_id: 0, profile_id: "*", block: false }).result).toMatchObject({ state: "STREAMS", state_profile: { _: "STREAMS" }, max_stream_id: 1 });
    expect(h.call("start_traffic", start).result).toEqual({ multiplier: 1000, ts: 1000 });
    expect(h.call("start_traffic", { ...start, force: true }).error.specific_err).toBe("command 'start' cannot be executed on current state: 'TX on profile_id(_).");
    expect(h.call("remove_all_streams", owned).error.specific_err).toBe("command 'remove_and_delete_all_streams' cannot be executed on current state: 'TX on profile_id(_).");
    expect(h.call("stop_traffic", owned).result).toEqual({});
    expect(h.call("stop_traffic", owned).result).toEqual({});
    expect(h.call("remove_all_streams", owned).result).toEqual({});
    expect(h.call("get_port_status", { port_id: 0, block: false }).result.state).toBe("IDLE");
  });

  test("start_traffic checks: multiplier, op, core mask, line rate unless forced", () => {
    const h = createHarness({ portSpeedGbps: 10 });
    const [h0] = withStreams(h);
    const base = { handler: h0, port_id: 0, profile_id: "_", duration: -1, force: false };
    const mul = (value: number, op = "abs", type = "pps") => ({ type, op, value });
    expect(h.call("start_traffic", { ...base, mul: mul(0) }).error.specific_err).toBe("multiplier can't be zero");
    expect(h.call("start_traffic", { ...base, mul: mul(5, "add") }).error.specific_err).toBe("start message can only specify absolute speed rate");
    expect(h.call("start_traffic", { ...base, mul: mul(5, "abs", "kpps") }).error.specific_err).toBe("field 'type' can only be one of ['raw' ,'bps' ,'bpsl1' ,'pps' ,'percentage']");
    expect(h.call("start_traffic", { ...base, core_mask: 0, mul: mul(5) }).error.specific_err).toBe("core_mask: '0x0' for 8 cores generates an empty set");
    // 64-byte frames at 10 Gb/s: line rate is 14.88 Mpps; 20 Mpps needs 13.44 Gb/s of L1.
    expect(h.call("start_traffic", { ...base, mul: mul(20e6) }).error.specific_err).toBe("Expected L1 B/W: '13.44 Gbps' exceeds port line rate: '10 Gbps'");
    expect(h.call("start_traffic", { ...base, force: true, mul: mul(20e6) }).result.multiplier).toBe(20e6);
    const h1 = h.acquireAll()[1];
    const pct = h.call("start_traffic", { ...base, handler: h1, port_id: 1, core_mask: 18446744073709551615n.toString(), mul: mul(100, "abs", "percentage") });
    expect(pct.error.specific_err).toMatch(/'core_mask' is 'string', expecting 'uint64'$/);
    const raw = `{"jsonrpc":"2.0","id":9,"method":"start_traffic","params":{"api_h":"${h.trex.apiHandler}","handler":"${h1}","port_id":1,"duration":-1,"force":false,"core_mask":18446744073709551615,"mul":{"type":"percentage","op":"abs","value":100}}}`;
    expect(JSON.parse(h.raw(raw).toString()).result.multiplier).toBeCloseTo(10e9 / (84 * 8), 3);
  });

  test("latency streams are fixed-rate: a pps multiplier below them is refused", () => {
    const h = createHarness();
    const [h0] = h.acquireAll();
    const owned = { handler: h0, port_id: 0, profile_id: "_" };
    h.call("add_stream", { ...owned, stream_id: 1, stream: continuousStream() });
    const latency = continuousStream({ mode: { type: "continuous", rate: { type: "pps", value: 9000 } }, flow_stats: { enabled: true, stream_id: 0, rule_type: "latency" } });
    expect(h.call("add_stream", { ...owned, stream_id: 2, stream: latency }).result).toEqual({});
    const start = (value: number) => h.call("start_traffic", { ...owned, mul: { type: "pps", op: "abs", value }, duration: 1, force: false });
    expect(start(5000).error.specific_err).toBe("current stream configuration enforces a minimum rate of '9000' pps");
    expect(start(10000).result.multiplier).toBe(1000);
    expect(h.call("get_active_pgids").result).toEqual({ ids: { flow_stats: [], latency: [0] } });
  });

  test("add_stream checks the stream object in TRex's order", () => {
    const h = createHarness();
    const [h0] = h.acquireAll();
    const add = (stream: Record<string, unknown>) => h.call("add_stream", { handler: h0, port_id: 0, stream_id: 5, stream }).error?.specific_err;
    expect(add(continuousStream({ mode: { type: "pulse", rate: { type: "pps", value: 1 } } }))).toBe("bad stream type provided: 'pulse'");
    expect(add(continuousStream({ mode: { type: "continuous", rate: { type: "pps", value: -1 } } }))).toMatch(/'value' has negative value\.$/);
    expect(add(continuousStream({ isg: undefined }))).toBe("field 'isg' value is null");
    expect(add(continuousStream({ packet: { binary: Buffer.alloc(8).toString("base64"), meta: "" } }))).toBe("Bad packet size provided: 8. Should be between 14 and 9238");
    expect(add(continuousStream({ vm: { instructions: [{ type: "flow_var", name: "a", size: 3, op: "inc" }] } }))).toBe("field 'size' can only be one of ['1' ,'2' ,'4' ,'8']");
    expect(add(continuousStream({ core_id: 8 }))).toBe("Core ID is: 8. It must be an integer between 0 and 7 (inclusive).");
    expect(add(continuousStream())).toBeUndefined();
    expect(h.call("get_stream", { port_id: 0, stream_id: 5, get_pkt: false }).result.stream).not.toHaveProperty("packet");
    expect(h.call("get_stream_list", { port_id: 0 }).result).toEqual([5]);
  });
});
