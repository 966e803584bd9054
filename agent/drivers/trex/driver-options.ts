import { randomInt } from "node:crypto";
import type { Clock } from "../../../common/clock.js";
import { quote, ValidationError } from "../../../common/errors.js";
import { silentLogger, type Logger } from "../../../common/logger.js";
import { systemClock } from "../../../common/system-clock.js";

/** TRex driver options, compiled once: raw -> defaults -> validated -> frozen (TREX_OPTION_INVALID names the option). */

export interface TrexDriverOptions {
  /** TRex host; default 127.0.0.1. */
  readonly host?: string;
  /** JSON-RPC port (trex_cfg.yaml zmq_rpc_port); default 4501. */
  readonly rpcPort?: number;
  /** Per-RPC timeout; default 3 s (the Python client's sync_timeout). */
  readonly rpcTimeoutS?: number;
  /** Wait between stop_traffic and the final counter read, for packets still in the device; default 0 (CSIT reads right after stop). */
  readonly drainS?: number;
  /** Owner name sent with acquire; default "testbench". */
  readonly user?: string;
  /** acquire session id (uint32, not 0); default random. */
  readonly sessionId?: number;
  /** start_traffic force: skip TRex's link, destination-MAC and line-rate checks; default false (CSIT's TREX_SEND_FORCE). */
  readonly forceStart?: boolean;
  /** zlib-frame requests like the Python client; default false. */
  readonly compress?: boolean;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

export type CompiledDriverOptions = Required<TrexDriverOptions>;

function check<T>(option: string, value: T, valid: string, ok: (v: T) => boolean): T {
  if (!ok(value)) throw new ValidationError("TREX_OPTION_INVALID", `TRex driver option ${option} must be ${valid}, got ${quote(value)}`, { context: { option } });
  return value;
}

export function compileDriverOptions(raw: TrexDriverOptions = {}): CompiledDriverOptions {
  const finite = (v: number) => typeof v === "number" && Number.isFinite(v);
  return Object.freeze({
    host: check("host", raw.host ?? "127.0.0.1", "a host name or address", (v) => typeof v === "string" && v.length > 0),
    rpcPort: check("rpcPort", raw.rpcPort ?? 4501, "a TCP port from 1 to 65535", (v) => Number.isInteger(v) && v >= 1 && v <= 65535),
    rpcTimeoutS: check("rpcTimeoutS", raw.rpcTimeoutS ?? 3, "a number of seconds > 0", (v) => finite(v) && v > 0),
    drainS: check("drainS", raw.drainS ?? 0, "a number of seconds >= 0", (v) => finite(v) && v >= 0),
    user: check("user", raw.user ?? "testbench", "a non-empty string", (v) => typeof v === "string" && v.length > 0),
    sessionId: check("sessionId", raw.sessionId ?? randomInt(1, 2 ** 32 - 1), "an integer from 1 to 4294967295", (v) => Number.isInteger(v) && v >= 1 && v <= 0xffffffff),
    forceStart: check("forceStart", raw.forceStart ?? false, "true or false", (v) => typeof v === "boolean"),
    compress: check("compress", raw.compress ?? false, "true or false", (v) => typeof v === "boolean"),
    clock: raw.clock ?? systemClock,
    logger: raw.logger ?? silentLogger,
  });
}
