import { afterEach, expect, test } from "vitest";
import { silentLogger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import { TrexRpcClient } from "../../agent/drivers/trex/index.js";
import { startTrexEmulator } from "../../agent/emulators/trex/index.js";

/**
 * The request sequence of TRex's official Python client (trex-official-client-compat.md section 3),
 * zlib-framed as that client sends it, checking the reply fields the client reads.
 */

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Obj = Record<string, unknown>;

test("connect, reset, add_streams, start, stop, get_stats, disconnect", async () => {
  const trex = await startTrexEmulator({ device: "hard:mrr=1e7", publishIntervalS: 0 });
  cleanups.push(() => trex.close());
  const client = new TrexRpcClient({ host: "127.0.0.1", port: trex.rpcPort, timeoutS: 2, compress: true, clock: systemClock, logger: silentLogger });
  cleanups.push(() => client.close());
  const call = async (method: string, params: Obj = {}) => (await client.call(method, { api_h: apiH, ...params })) as Obj;
  const ports = [0, 1];
  const session = 3735928559;

  // connect()
  const apiH = ((await client.call("api_sync_v2", { name: "STL", major: 5, minor: 1 })) as Obj)["api_h"] as string;
  expect(await call("publish_now", { key: 12345, baseline: false })).toEqual({});
  expect(await call("get_async_events", { session_id: session, user: "sub" })).toEqual({ data: [] });
  expect(await call("get_version")).toMatchObject({ version: expect.any(String), mode: "STL" });
  const info = await call("get_system_info");
  expect((info["ports"] as Obj[]).map((p) => [p["index"], p["is_prom_supported"], p["is_virtual"]])).toEqual([[0, true, false], [1, true, false]]);
  expect(await client.call("get_supported_cmds", { api_h: apiH })).toEqual(expect.arrayContaining(["get_profile_list", "start_traffic", "get_async_events"]));
  const names = (await call("get_port_xstats_names", { port_id: 0 }))["xstats_names"] as string[];
  for (const port of ports) {
    const status = await call("get_port_status", { port_id: port, profile_id: "*", block: false });
    expect(status).toMatchObject({ state: "IDLE", owner: "", service: false, service_filtered: false, state_profile: { _: "IDLE" } });
    expect(status["attr"]).toMatchObject({ link: { up: true }, speed: 100, layer_cfg: { ether: { state: "configured" }, ipv4: { state: "none" } } });
  }
  const statsBatch = () => client.batch([{ method: "get_global_stats", params: { api_h: apiH } }, ...ports.map((p) => ({ method: "get_port_stats", params: { api_h: apiH, port_id: p } }))]);
  const [global, ...perPort] = (await statsBatch()) as Obj[];
  expect(global).toMatchObject({ m_tx_bps: 0, m_tx_pps: 0 });
  for (const stats of perPort) expect(Object.keys(stats)).toEqual(expect.arrayContaining(["m_total_tx_bps", "m_total_tx_pps", "m_total_rx_bps", "m_total_rx_pps", "opackets", "ipackets", "obytes", "ibytes", "oerrors", "ierrors"]));
  expect(await call("get_active_pgids")).toEqual({ ids: { flow_stats: [], latency: [] } });
  expect(await call("get_pgid_stats", { pgids: [] })).toMatchObject({ flow_stats: {}, latency: {} });

  // reset(ports=[0, 1])
  const handlers: string[] = [];
  for (const port of ports) expect(await call("get_tpg_status", { port_id: port })).toMatchObject({ enabled: false });
  for (const port of ports) handlers.push((await client.call("acquire", { api_h: apiH, port_id: port, user: "lab", session_id: session, force: true })) as string);
  const xstats = (await call("get_port_xstats_values", { port_id: 0 }))["xstats_values"] as number[];
  expect(xstats).toHaveLength(names.length);
  for (const port of ports) expect(await call("set_port_attr", { handler: handlers[port], port_id: port, attr: { promiscuous: { enabled: false } } })).toEqual({});
  for (const port of ports) expect(await call("set_rx_feature", { handler: handlers[port], port_id: port, type: "queue", enabled: false })).toEqual({});
  expect(await client.call("capture", { api_h: apiH, command: "status" })).toEqual([]);
  for (const port of ports) expect(await call("service", { handler: handlers[port], port_id: port, enabled: false, filtered: false })).toEqual({});

  // add_streams, one single-element batch per port, then start with CSIT's CORE_MASK_PIN
  for (const port of ports) {
    const stream = {
      flags: 0, action_count: 0, enabled: true, self_start: true, start_paused: false, isg: 0.0, core_id: -1,
      mode: { rate: { type: "pps", value: 10000 }, type: "continuous" },
      packet: { binary: Buffer.alloc(60).toString("base64"), meta: "" }, vm: { instructions: [] }, flow_stats: { enabled: false }, next_stream_id: -1,
    };
    const [added] = await client.batch([{ method: "add_stream", params: { api_h: apiH, handler: handlers[port], port_id: port, profile_id: "_", stream_id: 1, stream } }]);
    expect(added).toEqual({});
  }
  for (const port of ports) {
    const mask = port === 0 ? 0x55555555 : 0xaaaaaaaa;
    const started = await call("start_traffic", { handler: handlers[port], port_id: port, profile_id: "_", mul: { type: "pps", value: 10000.0, op: "abs" }, duration: -1, force: false, core_mask: mask, start_at_ts: 0 });
    expect(started["multiplier"]).toBe(1);
  }
  const events = (await call("get_async_events", { session_id: session, user: "sub" }))["data"] as Obj[];
  expect(events.map((e) => e["type"])).toEqual([5, 5, 10, 0, 10, 0]);

  // stop(), get_stats(), disconnect()
  for (const port of ports) expect(await call("stop_traffic", { handler: handlers[port], port_id: port, profile_id: "_" })).toEqual({});
  const [, port0] = (await statsBatch()) as Obj[];
  expect(Number(port0?.["opackets"])).toBeGreaterThan(0);
  expect(await call("get_tpg_status", { username: "lab" })).toMatchObject({ enabled: false });
  for (const port of ports) expect(await call("release", { handler: handlers[port], port_id: port })).toEqual({});
});
