import { describe, expect, test } from "vitest";
import { continuousStream, createHarness, shareDevice, type Harness } from "./emulator-harness.js";

/** Counters as traffic passes the device over (virtual) time, and the async events TRex queues. */

function ready(h: Harness): string[] {
  const handlers = h.acquireAll();
  for (const port of [0, 1]) h.call("add_stream", { handler: handlers[port], port_id: port, profile_id: "_", stream_id: 1, stream: continuousStream() });
  return handlers;
}

const start = (h: Harness, handler: string, port: number, pps: number, durationS: number) =>
  h.call("start_traffic", { handler, port_id: port, profile_id: "_", mul: { type: "pps", op: "abs", value: pps }, duration: durationS, force: false, start_at_ts: 0 });
const stats = (h: Harness, port: number) => h.call("get_port_stats", { port_id: port }).result;
const events = (h: Harness, sessionId: number) => h.call("get_async_events", { session_id: sessionId, user: "sub" }).result.data as Array<{ type: number; seq: number; data: Record<string, unknown> }>;

describe("TRex emulator traffic and events", () => {
  test("tx grows at the rate from the first packet on; the device thins rx on the peer port; the duration ends the run", () => {
    const h = createHarness({ device: shareDevice(0.25), startupDelayS: 0, deviceLatencyS: 0 });
    const [h0] = ready(h);
    start(h, h0 as string, 0, 1e6, 2);
    h.clock.advance(0.5);
    expect(stats(h, 0)).toMatchObject({ opackets: 500_000, obytes: 500_000 * 64, m_total_tx_pps: 1e6 });
    expect(stats(h, 1)).toMatchObject({ ipackets: 125_000, ibytes: 125_000 * 64, m_total_rx_pps: 250_000 });
    h.clock.advance(5);
    expect(stats(h, 0)).toMatchObject({ opackets: 2_000_000, m_total_tx_pps: 0 });
    expect(stats(h, 1).ipackets).toBe(500_000);
    expect(h.call("get_port_status", { port_id: 0, block: false }).result.state).toBe("STREAMS");
    expect(h.call("get_global_stats").result).toMatchObject({ m_total_tx_pkts: 2_000_000, m_total_rx_pkts: 500_000 });
  });

  test("the startup delay and the inter-stream gap cost packets when the stop comes at exactly D", () => {
    const h = createHarness({ startupDelayS: 5e-6, deviceLatencyS: 0 });
    const [h0] = h.acquireAll();
    h.call("add_stream", { handler: h0, port_id: 0, stream_id: 1, stream: continuousStream({ isg: 10 }) });
    start(h, h0 as string, 0, 1e7, 1);
    h.clock.advance(1);
    h.call("stop_traffic", { handler: h0, port_id: 0 });
    expect(stats(h, 0).opackets).toBe(1e7 - 150);
  });

  test("duration stretching: above the generator's capacity the schedule runs late and a stop leaves packets unsent", () => {
    const h = createHarness({ maxTxPps: 1e6, startupDelayS: 0 });
    const [h0] = ready(h);
    start(h, h0 as string, 0, 2e6, 1);
    h.clock.advance(1);
    expect(h.call("get_port_status", { port_id: 0, block: false }).result.state).toBe("TX");
    expect(stats(h, 0)).toMatchObject({ opackets: 1e6, m_total_tx_pps: 1e6 });
    h.call("stop_traffic", { handler: h0, port_id: 0 });
    h.clock.advance(5);
    expect(stats(h, 0).opackets).toBe(1e6);
  });

  test("packets in the device arrive deviceLatencyS after they leave", () => {
    const h = createHarness({ startupDelayS: 0, deviceLatencyS: 1e-3 });
    const [h0] = ready(h);
    start(h, h0 as string, 0, 1e6, 1);
    h.clock.advance(1);
    h.call("stop_traffic", { handler: h0, port_id: 0 });
    expect(stats(h, 1).ipackets).toBe(1e6 - 1000);
    h.clock.advance(1e-3);
    expect(stats(h, 1).ipackets).toBe(1e6);
  });

  test("counters are absolute: a second run adds to the first", () => {
    const h = createHarness({ startupDelayS: 0, deviceLatencyS: 0 });
    const [h0] = ready(h);
    for (let i = 0; i < 2; i++) {
      start(h, h0 as string, 0, 1000, 1);
      h.clock.advance(2);
    }
    expect(stats(h, 0).opackets).toBe(2000);
    expect(h.call("get_port_xstats_values", { port_id: 1 }).result.xstats_values[0]).toBe(2000);
  });

  test("events: acquire, start (10 then 0), duration end (14 then 4), stop (11 then 1), consecutive seq, {} on PUB", () => {
    const h = createHarness();
    expect(events(h, 5)).toEqual([]);
    const [h0] = ready(h);
    h.published.length = 0;
    start(h, h0 as string, 0, 1000, 1);
    expect(h.published).toContain("{}");
    h.clock.advance(2);
    start(h, h0 as string, 0, 1000, -1);
    h.call("stop_traffic", { handler: h0, port_id: 0 });
    const queued = events(h, 77);
    // As in TRex, acquire publishes before it registers the session: the session misses its first acquire event.
    expect(queued.map((e) => e.type)).toEqual([5, 10, 0, 14, 4, 10, 0, 11, 1]);
    expect(queued.map((e) => e.seq)).toEqual(queued.map((_, i) => queued[0]!.seq + i));
    expect(queued[3]?.data).toEqual({ port_id: 0, profile_id: "_" });
    expect(events(h, 77)).toEqual([]);
    expect(events(h, 5).map((e) => e.type)).toContain(14);
  });

  test("publish_now sends a trex-global snapshot with per-port keys and the {} barrier", () => {
    const h = createHarness();
    expect(h.call("publish_now", { key: 7, baseline: false }).result).toEqual({});
    const snapshot = JSON.parse(h.published[0] as string);
    expect(snapshot).toMatchObject({ name: "trex-global", type: 0, data: { "opackets-0": 0, "ipackets-1": 0, m_tx_pps: 0 } });
    expect(h.published[1]).toBe("{}");
  });
});
