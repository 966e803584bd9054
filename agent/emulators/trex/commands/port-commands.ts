import type { JsonNode } from "../json/json-node.js";
import type { EmulatedPort } from "../model/emulated-port.js";
import type { EmulatedTrex } from "../model/emulated-trex.js";
import { command, has, parsePort, type CommandSpec } from "../rpc/command-table.js";
import { parseBool, parseByte, parseChoice, parseInt32, parseObject, parseProfile, parseString, parseUint32, withDefault } from "../rpc/params.js";
import { executeFault, parseFault } from "../rpc/rpc-fault.js";

/**
 * Port status and configuration: get_port_status, set_port_attr, set_rx_feature, service, capture,
 * stop_capture_port and get_tpg_status. The emulator has no RX core features (capture, queues, TPG);
 * these commands accept what TRex's official client sends during connect/reset and report nothing.
 */

function attributes(port: EmulatedPort): Record<string, unknown> {
  return {
    promiscuous: { enabled: port.promiscuous },
    multicast: { enabled: port.multicast },
    link: { up: port.linkUp },
    speed: port.speedGbps,
    rx_filter_mode: "hw",
    vxlan_fs: [],
    fc: { mode: port.flowControlMode },
    layer_cfg: { ether: { src: port.hwMac, dst: port.peerMac, state: "configured" }, ipv4: { state: "none" }, ipv6: { enabled: false } },
    vlan: { tags: [] },
  };
}

function portStatus(params: JsonNode, trex: EmulatedTrex): unknown {
  const port = trex.port(parsePort(params, trex));
  withDefault(parseBool, params, "block", true);
  const status: Record<string, unknown> = { owner: port.owner?.user ?? "", state: port.state };
  const profileId = parseProfile(params, "");
  if (profileId === "*") status["state_profile"] = Object.fromEntries([...port.profiles.values()].map((p) => [p.profileId, p.state]));
  else if (profileId !== "") status["state_profile"] = port.requireProfile(profileId).state;
  const inactive = { is_active: false };
  return {
    ...status,
    service: port.serviceMode,
    service_filtered: port.serviceFiltered,
    profile_count: port.profiles.size,
    max_stream_id: port.maxStreamId,
    attr: attributes(port),
    rx_info: { latency: inactive, queue: { is_active: port.rxQueueActive }, stack: { is_active: true }, grat_arp: inactive, capture_port: inactive, capwap_proxy: inactive },
  };
}

function setPortAttr(params: JsonNode, trex: EmulatedTrex): unknown {
  const port = trex.port(parsePort(params, trex));
  const attr = parseObject(params, "attr");
  for (const [name, value] of attr.kind === "object" ? attr.members : []) {
    if (name === "promiscuous") port.promiscuous = parseBool(value, "enabled");
    else if (name === "multicast") port.multicast = parseBool(value, "enabled");
    else if (name === "link_status") port.linkUp = parseBool(value, "up");
    else if (name === "led_status") port.ledOn = parseBool(value, "on");
    else if (name === "flow_ctrl_mode") port.flowControlMode = parseInt32(value, "mode");
    else if (name === "vxlan_fs") throw executeFault("Error applying vxlan_fs: operation is not supported for this NIC.");
    else throw executeFault(`unknown attribute type: '${name}'`);
  }
  return {};
}

function setRxFeature(params: JsonNode, trex: EmulatedTrex): unknown {
  const port = trex.port(parsePort(params, trex));
  const type = parseChoice(params, "type", ["queue", "server", "capwap_proxy"]);
  if (type !== "queue") return {};
  const enabled = parseBool(params, "enabled");
  if (enabled) {
    if (!port.serviceMode) throw executeFault("setting RX queue is only available under service mode");
    if (parseUint32(params, "size") === 0) throw parseFault("queue size cannot be zero");
  }
  port.rxQueueActive = enabled;
  return {};
}

function service(params: JsonNode, trex: EmulatedTrex): unknown {
  const port = trex.port(parsePort(params, trex));
  const enabled = parseBool(params, "enabled");
  const filtered = withDefault(parseBool, params, "filtered", false);
  withDefault(parseByte, params, "mask", 0);
  port.serviceMode = enabled;
  port.serviceFiltered = enabled && filtered;
  return {};
}

function capture(params: JsonNode): unknown {
  const action = parseChoice(params, "command", ["start", "stop", "fetch", "status", "remove"]);
  if (action === "status") return [];
  if (action === "remove") throw executeFault(`capture ID ${parseUint32(params, "capture_id")} does not exist`);
  throw executeFault(`capture '${action}' is not supported by the TRex emulator`);
}

function tpgStatus(params: JsonNode, trex: EmulatedTrex): unknown {
  const username = withDefault(parseString, params, "username", "");
  const hasPort = has(params, "port_id");
  if (hasPort) parsePort(params, trex);
  if (username !== "" && hasPort) throw executeFault("Should provide only one between port_id and username to get TPG status");
  if (username === "" && !hasPort) throw executeFault("Should provide at least one between port_id and username to get TPG status");
  return { enabled: false, data: { acquired_ports: [], rx_ports: [], username, num_tpgids: 0, num_tags: 0 } };
}

export const portCommands: readonly CommandSpec[] = [
  command("get_port_status", portStatus),
  command("set_port_attr", setPortAttr),
  command("set_rx_feature", setRxFeature),
  command("service", service, { owned: true }),
  command("capture", (params) => capture(params)),
  command("stop_capture_port", (params, trex) => (parsePort(params, trex), {})),
  command("get_tpg_status", tpgStatus),
];
