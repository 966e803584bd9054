import { member, toPlain, type JsonNode } from "../json/json-node.js";
import type { StreamMode, StreamSpec } from "../model/stream.js";
import { arrayElement, parseArray, parseBool, parseChoice, parseInt32, parseObject, parseString, parseUdouble, parseUint16, parseUint32, parseUint64, withDefault } from "../rpc/params.js";
import { executeFault, parseFault } from "../rpc/rpc-fault.js";

/**
 * The `stream` object of add_stream, checked field by field in the order of
 * TrexRpcCmdAddStream::_run so that the first error is the one TRex reports.
 */

const minPacketBytes = 14;
const maxPacketBytes = 9 * 1024 + 22;
const vmTypes = ["fix_checksum_hw", "fix_checksum_ipv4", "fix_checksum_icmpv6", "flow_var", "write_flow_var", "tuple_flow_var", "trim_pkt_size", "write_mask_flow_var", "flow_var_rand_limit"] as const;

function parseMode(modeNode: JsonNode, type: string): StreamMode {
  if (type === "continuous") return { type };
  if (type === "single_burst") {
    const totalPackets = parseUint32(modeNode, "total_pkts");
    if (totalPackets === 0) throw parseFault(`${type}: 'total_pkts' cannot be zero.`);
    return { type, totalPackets };
  }
  if (type === "multi_burst") {
    const ibgUsec = parseUdouble(modeNode, "ibg");
    const burstCount = parseUint32(modeNode, "count");
    const packetsPerBurst = parseUint32(modeNode, "pkts_per_burst");
    if (packetsPerBurst === 0) throw parseFault(`${type}: 'pkts_per_burst' cannot be zero.`);
    return { type, ibgUsec, burstCount, packetsPerBurst };
  }
  throw parseFault(`bad stream type provided: '${type}'`);
}

/** parse_choice over integers: jsoncpp compares kinds too, so only an "int" value can match. */
function parseIntChoice(parent: JsonNode, name: string, choices: readonly number[]): number {
  const field = member(parent, name);
  if (field.kind === "null") throw parseFault(`field '${name}' is missing`);
  if (field.kind === "int" && choices.includes(Number(field.value))) return Number(field.value);
  throw parseFault(`field '${name}' can only be one of [${choices.map((c) => `'${c}'`).join(" ,")}]`);
}

function parseInstruction(inst: JsonNode): void {
  const type = parseChoice(inst, "type", vmTypes);
  switch (type) {
    case "fix_checksum_ipv4":
      parseUint16(inst, "pkt_offset");
      return;
    case "fix_checksum_hw":
      ["l2_len", "l3_len", "l4_type"].forEach((n) => parseUint16(inst, n));
      return;
    case "fix_checksum_icmpv6":
      ["l2_len", "l3_len"].forEach((n) => parseUint16(inst, n));
      return;
    case "flow_var": {
      parseString(inst, "name");
      withDefault(parseString, inst, "next_var", "");
      parseIntChoice(inst, "size", [1, 2, 4, 8]);
      parseChoice(inst, "op", ["inc", "dec", "random"]);
      const valueList = withDefault(parseArray, inst, "value_list", undefined);
      parseUint64(inst, "step");
      withDefault(parseBool, inst, "split_to_cores", true);
      if (valueList === undefined) ["init_value", "min_value", "max_value"].forEach((n) => parseUint64(inst, n));
      return;
    }
    case "write_flow_var":
      parseString(inst, "name");
      parseUint16(inst, "pkt_offset");
      parseInt32(inst, "add_value");
      parseBool(inst, "is_big_endian");
      return;
    default:
      // The remaining instruction kinds are accepted on their type alone (see docs/trex.md).
      return;
  }
}

function parseVm(vm: JsonNode): void {
  const instructions = parseArray(vm, "instructions");
  const count = instructions.kind === "array" ? instructions.items.length : 0;
  for (let i = 0; i < count; i++) parseInstruction(arrayElement(instructions, i, "object"));
  withDefault(parseUint16, vm, "cache", 0);
}

function packetLength(binaryBase64: string): number {
  const bytes = Buffer.from(binaryBase64, "base64").length;
  if (bytes < minPacketBytes || bytes > maxPacketBytes) {
    throw executeFault(`Bad packet size provided: ${bytes}. Should be between ${minPacketBytes} and ${maxPacketBytes}`);
  }
  return Math.max(bytes, 60);
}

/** Parse `params.stream` for stream `streamId`; dpCores bounds `core_id`. */
export function parseStream(params: JsonNode, streamId: number, dpCores: number): StreamSpec {
  const section = parseObject(params, "stream");
  const modeNode = parseObject(section, "mode");
  const mode = parseMode(modeNode, parseString(modeNode, "type"));
  const rateNode = parseObject(modeNode, "rate");
  const rateValue = parseUdouble(rateNode, "value");
  const rateType = parseChoice(rateNode, "type", ["pps", "bps_L1", "bps_L2", "percentage"]);
  const enabled = parseBool(section, "enabled");
  const selfStart = parseBool(section, "self_start");
  withDefault(parseBool, section, "start_paused", false);
  const flags = parseInt32(section, "flags");
  parseUint32(section, "action_count");
  withDefault(parseUint32, section, "random_seed", 0);
  const isgUsec = parseUdouble(section, "isg");
  const nextStreamId = parseInt32(section, "next_stream_id");
  const coreId = withDefault(parseInt32, section, "core_id", -1);
  if (coreId >= 0 && coreId >= dpCores) {
    throw executeFault(dpCores === 1 ? "There is only one core, hence core ID must be 0." : `Core ID is: ${coreId}. It must be an integer between 0 and ${dpCores - 1} (inclusive).`);
  }
  const packet = parseObject(section, "packet");
  const packetBytes = packetLength(parseString(packet, "binary"));
  parseString(packet, "meta");
  parseVm(parseObject(section, "vm"));
  const rx = parseObject(section, "flow_stats");
  const flowEnabled = parseBool(rx, "enabled");
  let flowStats: StreamSpec["flowStats"] = { enabled: false };
  if (flowEnabled) {
    const pgId = parseUint32(rx, "stream_id");
    withDefault(parseBool, rx, "vxlan", false);
    if (withDefault(parseBool, rx, "ieee_1588", false)) throw executeFault("Driver doesn't support IEEE-1588.");
    const ruleType = parseString(rx, "rule_type");
    if (ruleType !== "stats" && coreId >= 0) throw executeFault("Core ID pinning is not supported for sequenced streams.");
    flowStats = { enabled: true, pgId, ruleType };
  }
  const json = toPlain(section) as Record<string, unknown>;
  return { streamId, enabled, selfStart, flags, isgUsec, nextStreamId, mode, rate: { type: rateType, value: rateValue }, packetBytes, flowStats, json };
}
