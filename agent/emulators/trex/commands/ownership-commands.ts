import type { JsonNode } from "../json/json-node.js";
import { TrexEvent } from "../model/async-events.js";
import { randomToken, type EmulatedTrex } from "../model/emulated-trex.js";
import { command, parsePort, type CommandSpec } from "../rpc/command-table.js";
import { parseBool, parseString, parseUint32 } from "../rpc/params.js";
import { executeFault } from "../rpc/rpc-fault.js";

/**
 * Port ownership (TrexPort::acquire / release, TrexOwner): a free port or `force` gives a new
 * handler; the same user and session get their existing handler back; anyone else is refused.
 */

function acquire(params: JsonNode, trex: EmulatedTrex): unknown {
  const portId = parsePort(params, trex);
  const user = parseString(params, "user");
  const force = parseBool(params, "force");
  const sessionId = parseUint32(params, "session_id");
  const port = trex.port(portId);
  const owner = port.owner;
  const usedForce = owner !== undefined && force;
  if (owner === undefined || force) {
    port.owner = { user, sessionId, handler: randomToken() };
  } else if (owner.user !== user) {
    throw executeFault(`port is already taken by '${owner.user}'`);
  } else if (owner.sessionId !== sessionId) {
    throw executeFault(`port is already owned by another session of '${user}'`);
  }
  trex.events.publish(TrexEvent.portAcquired, { port_id: portId, who: user, session_id: sessionId, force: usedForce });
  trex.events.attachPort(portId, sessionId);
  return port.owner?.handler ?? "";
}

function release(params: JsonNode, trex: EmulatedTrex): unknown {
  const portId = parsePort(params, trex);
  const port = trex.port(portId);
  const owner = port.owner;
  port.owner = undefined;
  trex.events.publish(TrexEvent.portReleased, { port_id: portId, who: owner?.user ?? "", session_id: owner?.sessionId ?? 0 });
  trex.events.detachPort(portId);
  return {};
}

export const ownershipCommands: readonly CommandSpec[] = [
  command("acquire", acquire),
  command("release", release, { owned: true }),
  command("get_owner", (params, trex) => ({ owner: trex.port(parsePort(params, trex)).owner?.user ?? "<FREE>" })),
];
