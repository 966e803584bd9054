import type { JsonNode } from "../json/json-node.js";
import type { EmulatedTrex } from "../model/emulated-trex.js";
import { command, parsePort, type CommandSpec } from "../rpc/command-table.js";
import { parseArray } from "../rpc/params.js";
import { executeFault } from "../rpc/rpc-fault.js";

/**
 * Counters and rates (CGlobalStats::port_stats_to_json / global_stats_to_json in main_dpdk.cpp):
 * absolute NIC counters that only grow, `m_`-prefixed rates, DPDK-style xstats, and the
 * `trex-global` snapshot the publisher sends.
 */

export const xstatsNames = Object.freeze(["rx_good_packets", "tx_good_packets", "rx_good_bytes", "tx_good_bytes", "rx_missed_errors", "rx_errors", "tx_errors", "rx_mbuf_allocation_errors"]);

function cpuUtil(trex: EmulatedTrex, txPps: number): number {
  return Math.min(100, (100 * txPps) / trex.config.maxTxPps);
}

export function portStats(trex: EmulatedTrex, portId: number): Record<string, number> {
  const now = trex.nowS();
  const counters = trex.ledger.countersAt(portId, now);
  const rates = trex.ledger.ratesAt(portId, now);
  return {
    ...counters,
    m_total_tx_bps: rates.txBps,
    m_total_tx_pps: rates.txPps,
    m_total_rx_bps: rates.rxBps,
    m_total_rx_pps: rates.rxPps,
    m_cpu_util: cpuUtil(trex, rates.txPps),
  };
}

export function globalStats(trex: EmulatedTrex): Record<string, number> {
  const ports = trex.ports.map((p) => portStats(trex, p.portId));
  const sum = (key: string) => ports.reduce((total, p) => total + (p[key] ?? 0), 0);
  const cpu = Math.max(0, ...ports.map((p) => p["m_cpu_util"] ?? 0));
  const zeroKeys = ["m_tx_cps", "m_tx_expected_cps", "m_tx_expected_pps", "m_tx_expected_bps", "m_total_alloc_error", "m_total_queue_full", "m_total_queue_drop", "m_rx_drop_bps", "m_active_flows", "m_open_flows"];
  const natKeys = ["m_total_clients", "m_total_servers", "m_active_sockets", "m_socket_util", "m_total_nat_time_out", "m_total_nat_time_out_wait_ack", "m_total_nat_no_fid", "m_total_nat_active", "m_total_nat_syn_wait", "m_total_nat_open", "m_total_nat_learn_error"];
  return {
    m_cpu_util: cpu,
    m_cpu_util_raw: cpu,
    m_bw_per_core: 0,
    m_rx_cpu_util: 0,
    m_rx_core_pps: 0,
    m_platform_factor: 1,
    m_tx_bps: sum("m_total_tx_bps"),
    m_rx_bps: sum("m_total_rx_bps"),
    m_tx_pps: sum("m_total_tx_pps"),
    m_rx_pps: sum("m_total_rx_pps"),
    ...Object.fromEntries(zeroKeys.map((k) => [k, 0])),
    m_total_tx_pkts: sum("opackets"),
    m_total_rx_pkts: sum("ipackets"),
    m_total_tx_bytes: sum("obytes"),
    m_total_rx_bytes: sum("ibytes"),
    ...Object.fromEntries(natKeys.map((k) => [k, 0])),
  };
}

function xstatsValues(trex: EmulatedTrex, portId: number): number[] {
  const c = trex.ledger.countersAt(portId, trex.nowS());
  return [c.ipackets, c.opackets, c.ibytes, c.obytes, 0, c.ierrors, c.oerrors, 0];
}

/** The `trex-global` message the publisher sends (CGlobalStats::dump_json). */
export function globalSnapshot(trex: EmulatedTrex, baseline: boolean): string {
  const data: Record<string, unknown> = { ts: { value: Math.round(trex.nowS() * 1e9), freq: 1e9 }, ...globalStats(trex) };
  const perPort = ["opackets", "obytes", "ipackets", "ibytes", "ierrors", "oerrors", "m_total_tx_bps", "m_total_tx_pps", "m_total_rx_bps", "m_total_rx_pps", "m_cpu_util"];
  for (const port of trex.ports) {
    const stats = portStats(trex, port.portId);
    for (const key of perPort) data[`${key}-${port.portId}`] = stats[key];
  }
  data["unknown"] = 0;
  return JSON.stringify(baseline ? { name: "trex-global", type: 0, baseline: true, data } : { name: "trex-global", type: 0, data });
}

function activePgids(trex: EmulatedTrex): unknown {
  const flowStats = new Set<number>();
  const latency = new Set<number>();
  for (const port of trex.ports) {
    for (const profile of port.profiles.values()) {
      for (const stream of profile.streams.values()) {
        const { enabled, pgId, ruleType } = stream.flowStats;
        if (!enabled || pgId === undefined) continue;
        (ruleType === "latency" ? latency : flowStats).add(pgId);
      }
    }
  }
  return { ids: { flow_stats: [...flowStats], latency: [...latency] } };
}

function pgidStats(params: JsonNode): unknown {
  const pgids = parseArray(params, "pgids");
  const count = pgids.kind === "array" ? pgids.items.length : 0;
  for (let i = 0; i < count; i++) {
    // jsoncpp asUInt() on each element; its LogicError becomes an execute error.
    const item = pgids.kind === "array" ? pgids.items[i] : undefined;
    const value = item && (item.kind === "int" || item.kind === "uint" || item.kind === "double") ? Number(item.value) : Number.NaN;
    const ok = item?.kind === "null" || item?.kind === "boolean" || (value >= 0 && value <= 0xffffffff);
    if (!ok) throw executeFault("Value is not convertible to UInt.");
  }
  return { flow_stats: {}, latency: {}, ver_id: {} };
}

export const statsCommands: readonly CommandSpec[] = [
  command("get_global_stats", (_params, trex) => globalStats(trex)),
  command("get_port_stats", (params, trex) => portStats(trex, parsePort(params, trex))),
  command("get_port_xstats_names", (params, trex) => (parsePort(params, trex), { xstats_names: [...xstatsNames] })),
  command("get_port_xstats_values", (params, trex) => ({ xstats_values: xstatsValues(trex, parsePort(params, trex)) })),
  command("get_active_pgids", (_params, trex) => activePgids(trex)),
  command("get_pgid_stats", (params) => pgidStats(params)),
];
