import type { JsonNode } from "../json/json-node.js";
import { stlApi, trexVersion, type EmulatedTrex } from "../model/emulated-trex.js";
import { command, type CommandSpec } from "../rpc/command-table.js";
import { arrayElement, parseArray, parseBool, parseChoice, parseInt32, parseString, parseUint32 } from "../rpc/params.js";
import { executeFault, parseFault } from "../rpc/rpc-fault.js";

/**
 * Server-wide commands (trex_rpc_cmds_common.cpp): version handshake, ping, version and system
 * information, the command list, and the async-event plumbing (publish_now, get_async_events).
 */

export interface SystemHooks {
  supportedCommands(): string[];
  /** Publish a trex-global snapshot and the `{}` barrier on the PUB socket. */
  publishNow(baseline: boolean): void;
}

/** TrexRpcAPIVersion::verify, with its messages. */
function verifyApi(name: string, major: number, minor: number, trex: EmulatedTrex): string {
  if (name !== stlApi.name) {
    throw executeFault(`RPC configuration mismatch - server RPC configuration: '${stlApi.name}', client RPC configuration: '${name}'`);
  }
  let reason: string | undefined;
  if (major < stlApi.major) reason = "RPC version mismatch: a newer client version is required";
  else if (major > stlApi.major || minor > stlApi.minor) reason = "Version mismatch: your client version is too new to be supported by the server";
  if (reason !== undefined) {
    throw executeFault(`${reason}\n(API type '${stlApi.name}': - server: '${stlApi.major}.${stlApi.minor}', client: '${major}.${minor}')`);
  }
  return trex.apiHandler;
}

function apiSyncV2(params: JsonNode, trex: EmulatedTrex): unknown {
  const name = parseString(params, "name");
  const major = parseInt32(params, "major");
  const minor = parseInt32(params, "minor");
  return { api_h: verifyApi(name, major, minor, trex) };
}

/** The pre-v2 handshake, kept by TRex for its GUI. */
function apiSync(params: JsonNode, trex: EmulatedTrex): unknown {
  const versions = parseArray(params, "api_vers");
  if (versions.kind !== "array" || versions.items.length !== 1) throw parseFault("'api_vers' should be a list of size 1");
  const version = arrayElement(versions, 0, "object");
  const type = parseChoice(version, "type", ["core"]);
  const major = parseInt32(version, "major");
  const minor = parseInt32(version, "minor");
  return { api_vers: [{ type, api_h: verifyApi(stlApi.name, major, minor, trex) }] };
}

function systemInfo(trex: EmulatedTrex): unknown {
  const { dpCoresPerPort, hostname } = trex.config;
  const cores = Array.from({ length: dpCoresPerPort }, (_, i) => i + 1);
  const uptime = new Date(trex.startedAtWallMs).toISOString();
  return {
    hostname,
    uptime,
    dp_core_count: dpCoresPerPort,
    dp_core_count_per_port: dpCoresPerPort,
    core_type: "Testbench TRex emulator",
    is_multiqueue_mode: false,
    advanced_per_stream_stats: false,
    port_count: trex.ports.length,
    ports: trex.ports.map((port) => ({
      index: port.portId,
      driver: "net_testbench",
      pci_addr: `0000:00:00.${port.portId}`,
      numa: 0,
      hw_mac: port.hwMac,
      stack: "legacy",
      description: "Emulated port",
      rx: { caps: ["flow_stats", "latency", "rx_bytes"], counters: 1023 },
      is_fc_supported: true,
      is_led_supported: true,
      is_link_supported: true,
      is_prom_supported: true,
      is_vxlan_supported: false,
      is_ieee1588_supported: false,
      is_virtual: false,
      supp_speeds: [port.speedGbps * 1000],
      cores,
    })),
  };
}

export function systemCommands(hooks: SystemHooks): CommandSpec[] {
  return [
    command("api_sync_v2", apiSyncV2, { needsApi: false }),
    command("api_sync", apiSync, { needsApi: false }),
    command("ping", (_params, trex) => ({ ts: trex.nowS() }), { needsApi: false }),
    command("get_version", () => ({ version: trexVersion, build_date: "Jan  1 2025", build_time: "00:00:00", built_by: "testbench", mode: "STL" }), {
      needsApi: false,
    }),
    command("get_system_info", (_params, trex) => systemInfo(trex)),
    command("get_supported_cmds", () => hooks.supportedCommands()),
    command("publish_now", (params) => {
      parseUint32(params, "key");
      hooks.publishNow(parseBool(params, "baseline"));
      return {};
    }),
    command("get_async_events", (params, trex) => {
      const sessionId = parseUint32(params, "session_id");
      const events = trex.events.take(sessionId);
      if (events === undefined) trex.events.addSession(sessionId, true);
      return { data: events ?? [] };
    }),
  ];
}
