import { member, type JsonNode } from "../json/json-node.js";
import type { EmulatedTrex } from "../model/emulated-trex.js";
import { TrafficConfigError } from "../model/multiplier.js";
import type { MethodTable } from "./json-rpc-envelope.js";
import { parseByte, parseString } from "./params.js";
import { executeFault } from "./rpc-fault.js";

/**
 * The registered commands and the checks TrexRpcCommand::run makes before a command body runs,
 * in TRex's order: API handler (all but the "NOAPI" commands), then ownership (owned commands:
 * handler + port_id), then "params must be an object".
 */

export interface CommandSpec {
  readonly name: string;
  /** False only for api_sync, api_sync_v2, ping and get_version. */
  readonly needsApi: boolean;
  /** True for commands that change a port (they need port_id + handler). */
  readonly needsOwnership: boolean;
  run(params: JsonNode, trex: EmulatedTrex): unknown;
}

export function command(name: string, run: CommandSpec["run"], flags: { needsApi?: boolean; owned?: boolean } = {}): CommandSpec {
  return { name, needsApi: flags.needsApi ?? true, needsOwnership: flags.owned ?? false, run };
}

/** parse_port: a byte naming an existing port ("invalid port id - should be: 0 1"). */
export function parsePort(params: JsonNode, trex: EmulatedTrex): number {
  const portId = parseByte(params, "port_id");
  if (!trex.ports[portId]) throw executeFault(`invalid port id - should be:${trex.ports.map((p) => ` ${p.portId}`).join("")}`);
  return portId;
}

function verifyApiHandler(params: JsonNode, trex: EmulatedTrex): void {
  if (parseString(params, "api_h") !== trex.apiHandler) {
    throw executeFault(`API verification failed - API handler provided mismatch for class: 'STL'`);
  }
}

function verifyOwnership(params: JsonNode, trex: EmulatedTrex): void {
  const handler = parseString(params, "handler");
  const port = trex.port(parsePort(params, trex));
  if (!port.owner) throw executeFault("please acquire the port before modifying port state");
  if (port.owner.handler !== handler) throw executeFault("port is not owned by you or your current executing session");
}

export class CommandTable implements MethodTable {
  private readonly specs: ReadonlyMap<string, CommandSpec>;

  constructor(
    private readonly trex: EmulatedTrex,
    specs: readonly CommandSpec[],
  ) {
    this.specs = new Map(specs.map((spec) => [spec.name, spec]));
  }

  /** Sorted names, as get_supported_cmds returns them. */
  names(): string[] {
    return [...this.specs.keys()].sort();
  }

  lookup(method: string): ((params: JsonNode) => unknown) | undefined {
    const spec = this.specs.get(method);
    return spec && ((params: JsonNode) => this.execute(spec, params));
  }

  private execute(spec: CommandSpec, params: JsonNode): unknown {
    this.trex.sync();
    if (spec.needsApi) verifyApiHandler(params, this.trex);
    if (spec.needsOwnership) verifyOwnership(params, this.trex);
    if (params.kind !== "object") throw executeFault("JSON-RPC2 params should be object in TRex case ");
    try {
      return spec.run(params, this.trex);
    } catch (error) {
      if (error instanceof TrafficConfigError) throw executeFault(error.message);
      throw error;
    }
  }
}

/** True when `params` carries a non-null member `name` (jsoncpp `params[name] != null`). */
export function has(params: JsonNode, name: string): boolean {
  return member(params, name).kind !== "null";
}
