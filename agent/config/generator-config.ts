/** The `generator:` section of agent.yaml. */
import { isTestbenchError } from "../../common/errors.js";
import { parseDeviceSpec } from "../../common/devices/index.js";
import { AGENT_CONFIG_DEFAULTS, FRAME_SIZE_RANGE_BYTES, type GeneratorConfig } from "./agent-config.js";
import type { YamlFields } from "./yaml-fields.js";

const MAX_PORT_INDEX = 255;

function readPorts(fields: YamlFields): readonly number[] {
  const ports = fields.integerList("ports", { min: 0, max: MAX_PORT_INDEX }, AGENT_CONFIG_DEFAULTS.ports);
  if (ports.length === 0 || ports.length % 2 !== 0) {
    throw fields.error("ports", `must list ports in (tx, rx) pairs, e.g. [0, 1]; got ${ports.length} ports`);
  }
  if (new Set(ports).size !== ports.length) throw fields.error("ports", `must not repeat a port, got [${ports.join(", ")}]`);
  return ports;
}

function readDevice(fields: YamlFields): string {
  const device = fields.string("device");
  try {
    parseDeviceSpec(device);
  } catch (error) {
    if (isTestbenchError(error)) throw fields.error("device", `is not a valid device: ${error.message}`);
    throw error;
  }
  return device;
}

export function readGeneratorConfig(fields: YamlFields): GeneratorConfig {
  const kind = fields.string("kind");
  const frameSizeBytes = fields.number("frameSizeBytes", { ...FRAME_SIZE_RANGE_BYTES, integer: true, unit: "bytes" }, AGENT_CONFIG_DEFAULTS.frameSizeBytes);
  if (kind === "simulated") {
    fields.rejectUnknownKeys(["kind", "device", "frameSizeBytes", "ports"]);
    return Object.freeze({ kind, device: readDevice(fields), frameSizeBytes, ports: readPorts(fields) });
  }
  if (kind === "trex") {
    fields.rejectUnknownKeys(["kind", "host", "rpcPort", "timeoutS", "frameSizeBytes", "ports"]);
    return Object.freeze({
      kind,
      host: fields.string("host", "127.0.0.1"),
      rpcPort: fields.number("rpcPort", { min: 1, max: 65535, integer: true }, AGENT_CONFIG_DEFAULTS.trexRpcPort),
      timeoutS: fields.number("timeoutS", { min: 0.001, max: 3600, unit: "s" }, AGENT_CONFIG_DEFAULTS.trexTimeoutS),
      frameSizeBytes,
      ports: readPorts(fields),
    });
  }
  throw fields.error("kind", `must be "simulated" or "trex", got ${JSON.stringify(kind)}`);
}
