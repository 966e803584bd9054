import { hostname as osHostname } from "node:os";
import type { Clock } from "../../../common/clock.js";
import { quote, ValidationError } from "../../../common/errors.js";
import { silentLogger, type Logger } from "../../../common/logger.js";
import { systemClock } from "../../../common/system-clock.js";
import { createDevice, parseDeviceSpec } from "../../../common/devices/index.js";
import type { ForwardingDevice } from "./model/emulated-trex.js";

/**
 * Options of the TRex emulator, compiled once: raw -> defaults -> validated -> frozen.
 * Validation errors (code TREX_EMULATOR_OPTION_INVALID) name the option and quote the value.
 */

export interface TrexEmulatorOptions {
  /** Address both sockets bind to; default 127.0.0.1. */
  readonly rpcHost?: string;
  /** JSON-RPC (REP) port; 0 picks a free port. Default 0 (TRex itself uses 4501). */
  readonly rpcPort?: number;
  /** Async publisher (PUB) port; 0 picks a free port. Default 0 (TRex itself uses 4500). */
  readonly asyncPort?: number;
  /** The device under test: a simulated device, or its compact spec such as "stretch:mrr=1e7,spread=1e5". */
  readonly device: ForwardingDevice | string;
  readonly portCount?: number;
  readonly portSpeedGbps?: number;
  /** Per-port generator capacity; higher requested rates stretch the schedule. Default 40e6. */
  readonly maxTxPps?: number;
  /** Time from start_traffic to the first packet. Default 5e-6 s. */
  readonly startupDelayS?: number;
  /** Time a packet spends in the device. Default 10e-6 s. */
  readonly deviceLatencyS?: number;
  readonly dpCoresPerPort?: number;
  /** Period of the trex-global snapshot on the PUB socket; 0 turns it off (do so with a virtual clock). Default 0.5 s. */
  readonly publishIntervalS?: number;
  readonly hostname?: string;
  readonly logger?: Logger;
  readonly clock?: Clock;
}

export interface CompiledEmulatorOptions {
  readonly rpcHost: string;
  readonly rpcPort: number;
  readonly asyncPort: number;
  readonly device: ForwardingDevice;
  readonly portCount: number;
  readonly portSpeedGbps: number;
  readonly maxTxPps: number;
  readonly startupDelayS: number;
  readonly deviceLatencyS: number;
  readonly dpCoresPerPort: number;
  readonly publishIntervalS: number;
  readonly hostname: string;
  readonly logger: Logger;
  readonly clock: Clock;
}

function invalid(option: string, value: unknown, valid: string): ValidationError {
  return new ValidationError("TREX_EMULATOR_OPTION_INVALID", `TRex emulator option ${option} must be ${valid}, got ${quote(value)}`, {
    context: { option },
  });
}

function checked(option: string, value: number, valid: string, ok: (v: number) => boolean): number {
  if (typeof value !== "number" || !ok(value)) throw invalid(option, value, valid);
  return value;
}

const tcpPort = (v: number) => Number.isInteger(v) && v >= 0 && v <= 65535;
const nonNegative = (v: number) => Number.isFinite(v) && v >= 0;
const positive = (v: number) => Number.isFinite(v) && v > 0;

export function compileEmulatorOptions(raw: TrexEmulatorOptions): CompiledEmulatorOptions {
  const device = typeof raw.device === "string" ? createDevice(parseDeviceSpec(raw.device)) : raw.device;
  if (!device || typeof device.trial !== "function") throw invalid("device", raw.device, "a device spec string or a device with trial()");
  return Object.freeze({
    rpcHost: raw.rpcHost ?? "127.0.0.1",
    rpcPort: checked("rpcPort", raw.rpcPort ?? 0, "a TCP port (0 for any free one)", tcpPort),
    asyncPort: checked("asyncPort", raw.asyncPort ?? 0, "a TCP port (0 for any free one)", tcpPort),
    device,
    portCount: checked("portCount", raw.portCount ?? 2, "an integer from 1 to 255", (v) => Number.isInteger(v) && v >= 1 && v <= 255),
    portSpeedGbps: checked("portSpeedGbps", raw.portSpeedGbps ?? 100, "a positive number of Gb/s", positive),
    maxTxPps: checked("maxTxPps", raw.maxTxPps ?? 40e6, "a positive packet rate", positive),
    startupDelayS: checked("startupDelayS", raw.startupDelayS ?? 5e-6, "a non-negative number of seconds", nonNegative),
    deviceLatencyS: checked("deviceLatencyS", raw.deviceLatencyS ?? 10e-6, "a non-negative number of seconds", nonNegative),
    dpCoresPerPort: checked("dpCoresPerPort", raw.dpCoresPerPort ?? 8, "an integer from 1 to 64", (v) => Number.isInteger(v) && v >= 1 && v <= 64),
    publishIntervalS: checked("publishIntervalS", raw.publishIntervalS ?? 0.5, "a non-negative number of seconds", nonNegative),
    hostname: raw.hostname ?? osHostname(),
    logger: raw.logger ?? silentLogger,
    clock: raw.clock ?? systemClock,
  });
}
