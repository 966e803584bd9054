import type { JsonNode } from "../json/json-node.js";
import type { EmulatedTrex } from "../model/emulated-trex.js";
import { multiplierTypes } from "../model/multiplier.js";
import { startTraffic, stopTraffic } from "../model/traffic-control.js";
import { command, parsePort, type CommandSpec } from "../rpc/command-table.js";
import { parseBool, parseChoice, parseDouble, parseObject, parseProfile, parseString, parseUdouble, parseUint64, withDefault } from "../rpc/params.js";
import { parseFault } from "../rpc/rpc-fault.js";

/** start_traffic / stop_traffic / remove_rx_filters (TrexRpcCmdStartTraffic and friends). */

const allCores = (1n << 64n) - 1n;

function start(params: JsonNode, trex: EmulatedTrex): unknown {
  const port = trex.port(parsePort(params, trex));
  const profileId = parseProfile(params);
  const durationS = parseDouble(params, "duration");
  const force = parseBool(params, "force");
  const coreMask = withDefault(parseUint64, params, "core_mask", allCores);
  const startAtTs = withDefault(parseDouble, params, "start_at_ts", 0);
  const cores = trex.config.dpCoresPerPort;
  if ((coreMask & ((1n << BigInt(cores)) - 1n)) === 0n) {
    throw parseFault(`core_mask: '0x${coreMask.toString(16)}' for ${cores} cores generates an empty set`);
  }
  const mul = parseObject(params, "mul");
  const multiplierType = parseChoice(mul, "type", multiplierTypes);
  const op = parseString(mul, "op");
  const multiplierValue = parseUdouble(mul, "value");
  if (multiplierValue === 0) throw parseFault("multiplier can't be zero");
  if (op !== "abs") throw parseFault("start message can only specify absolute speed rate");
  return startTraffic(trex, port, profileId, { multiplierType, multiplierValue, durationS, force, startAtTs });
}

function stop(params: JsonNode, trex: EmulatedTrex): unknown {
  const port = trex.port(parsePort(params, trex));
  stopTraffic(trex, port, parseProfile(params));
  return {};
}

function removeRxFilters(params: JsonNode, trex: EmulatedTrex): unknown {
  const port = trex.port(parsePort(params, trex));
  port.requireProfile(parseProfile(params)).verifyState(["STREAMS"], "remove_rx_filters");
  return {};
}

export const trafficCommands: readonly CommandSpec[] = [
  command("start_traffic", start, { owned: true }),
  command("stop_traffic", stop, { owned: true }),
  command("remove_rx_filters", removeRxFilters, { owned: true }),
];
