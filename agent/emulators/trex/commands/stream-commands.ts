import type { JsonNode } from "../json/json-node.js";
import type { EmulatedTrex } from "../model/emulated-trex.js";
import type { StlProfile } from "../model/stl-profile.js";
import { command, parsePort, type CommandSpec } from "../rpc/command-table.js";
import { parseBool, parseProfile, parseUint32 } from "../rpc/params.js";
import { executeFault } from "../rpc/rpc-fault.js";
import { parseStream } from "./stream-parser.js";

/** Stream table commands (trex_stl_rpc_cmds.cpp): add, remove, list and read streams per profile. */

function addStream(params: JsonNode, trex: EmulatedTrex): unknown {
  const portId = parsePort(params, trex);
  const profileId = parseProfile(params);
  const streamId = parseUint32(params, "stream_id");
  const stream = parseStream(params, streamId, trex.config.dpCoresPerPort);
  const port = trex.port(portId);
  if (port.profiles.get(profileId)?.streams.has(streamId)) throw executeFault(`stream ${streamId} already exists in profile_id(${profileId})`);
  port.profileForAdd(profileId).addStream(stream);
  port.updateAndPublishState(trex.events);
  return {};
}

function removeStream(params: JsonNode, trex: EmulatedTrex): unknown {
  const port = trex.port(parsePort(params, trex));
  const profileId = parseProfile(params);
  const streamId = parseUint32(params, "stream_id");
  const profile = port.profiles.get(profileId);
  if (!profile?.streams.has(streamId)) throw executeFault(`stream ${streamId} does not exists in profile_id(${profileId})`);
  profile.removeStream(streamId);
  port.updateAndPublishState(trex.events);
  return {};
}

function removeAllStreams(params: JsonNode, trex: EmulatedTrex): unknown {
  const port = trex.port(parsePort(params, trex));
  const profileId = parseProfile(params);
  const targets = profileId === "*" ? [...port.profiles.values()] : [port.profiles.get(profileId)].filter((p): p is StlProfile => p !== undefined);
  const failures: string[] = [];
  for (const profile of targets) {
    try {
      profile.removeAllStreams();
    } catch (error) {
      if (profileId !== "*") throw error;
      failures.push(`${(error as Error).message}\n`);
    }
  }
  if (targets.length > 0) port.updateAndPublishState(trex.events);
  if (failures.length > 0) throw executeFault(failures.join(""));
  return {};
}

function streamsJson(profile: StlProfile | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const stream of profile?.streams.values() ?? []) out[String(stream.streamId)] = stream.json;
  return out;
}

function streamList(params: JsonNode, trex: EmulatedTrex): unknown {
  const port = trex.port(parsePort(params, trex));
  const profileId = parseProfile(params);
  const ids = (profile: StlProfile | undefined) => [...(profile?.streams.keys() ?? [])].sort((a, b) => a - b);
  if (profileId !== "*") return ids(port.profiles.get(profileId));
  return Object.fromEntries([...port.profiles.values()].map((p) => [p.profileId, ids(p)]));
}

function allStreams(params: JsonNode, trex: EmulatedTrex): unknown {
  const port = trex.port(parsePort(params, trex));
  const profileId = parseProfile(params);
  if (profileId !== "*") return { streams: streamsJson(port.profiles.get(profileId)) };
  const profiles = [...port.profiles.values()].filter((p) => p.streams.size > 0);
  return { profiles: Object.fromEntries(profiles.map((p) => [p.profileId, streamsJson(p)])) };
}

function getStream(params: JsonNode, trex: EmulatedTrex): unknown {
  const portId = parsePort(params, trex);
  const port = trex.port(portId);
  const profileId = parseProfile(params);
  const withPacket = parseBool(params, "get_pkt");
  const streamId = parseUint32(params, "stream_id");
  const profile = port.profiles.get(profileId);
  if (!profile) throw executeFault(`profile_id ${profileId} does not exists`);
  const stream = profile.streams.get(streamId);
  if (!stream) throw executeFault(`stream id ${streamId}, profile id ${profileId} on port ${portId} does not exists`);
  const json = { ...stream.json };
  if (!withPacket) delete json["packet"];
  return { stream: json };
}

export const streamCommands: readonly CommandSpec[] = [
  command("add_stream", addStream, { owned: true }),
  command("remove_stream", removeStream, { owned: true }),
  command("remove_all_streams", removeAllStreams, { owned: true }),
  command("get_stream_list", streamList),
  command("get_all_streams", allStreams),
  command("get_stream", getStream),
  command("get_profile_list", (params, trex) => [...trex.port(parsePort(params, trex)).profiles.keys()]),
];
