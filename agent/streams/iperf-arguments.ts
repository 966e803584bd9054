/** StreamStart.arguments of an iperf stream -> validated IperfOptions (STREAM_ARGUMENTS_INVALID naming the argument). */
import { TestbenchError } from "../../common/errors.js";
import { IPERF_ARGUMENT_KEYS as K, IPERF_SOURCES } from "../../common/wire/stream-arguments.js";
import type { StreamStart } from "../../common/wire/types.js";
import { IPERF_LIMITS, type IperfOptions, type IperfOutputChoice } from "../drivers/iperf3/index.js";
import { StreamArguments } from "./stream-arguments.js";
import { StreamErrorCode, invalidArgument, rejectUnknownArguments } from "./stream-errors.js";

const COMMON = [K.port, K.bind, K.intervalS, K.output];
const SERVER = [...COMMON, K.oneOff];
const CLIENT = [...COMMON, K.host, K.protocol, K.bitrateBps, K.lengthBytes, K.durationS, K.parallel, K.reverse, K.getServerOutput, K.omitS];
const OUTPUTS: readonly IperfOutputChoice[] = ["auto", "text", "json", "json-stream"];

export const DEFAULT_IPERF_PORT = 5201;

export function iperfOptionsFrom(request: StreamStart): IperfOptions {
  const where = `iperf stream ${request.streamId}`;
  const context = { streamId: request.streamId };
  const args = new StreamArguments(where, request.arguments);
  const common = {
    port: args.number(K.port, { min: 1, max: 65535, integer: true }, DEFAULT_IPERF_PORT),
    bind: args.optionalHost(K.bind),
    intervalS: args.number(K.intervalS, { ...IPERF_LIMITS.intervalS, unit: "s" }, 1),
    output: args.choice(K.output, OUTPUTS, "auto"),
  };
  if (request.source === IPERF_SOURCES.server) {
    rejectUnknownArguments(where, request.arguments, SERVER, context);
    return Object.freeze({ role: "server", ...common, oneOff: args.boolean(K.oneOff, true) });
  }
  if (request.source !== IPERF_SOURCES.client) {
    throw new TestbenchError(StreamErrorCode.argumentsInvalid, `${where}: source must be "server" or "client", got ${JSON.stringify(request.source)}`, {
      context: { ...context, argument: "source" },
    });
  }
  rejectUnknownArguments(where, request.arguments, CLIENT, context);
  const protocol = args.choice(K.protocol, ["tcp", "udp"] as const, "tcp");
  const lengthRange = protocol === "udp" ? IPERF_LIMITS.udpLengthBytes : IPERF_LIMITS.lengthBytes;
  const options = Object.freeze({
    role: "client" as const,
    ...common,
    host: args.host(K.host),
    protocol,
    bitrateBps: args.optionalNumber(K.bitrateBps, { ...IPERF_LIMITS.bitrateBps, unit: "bit/s" }),
    lengthBytes: args.optionalNumber(K.lengthBytes, { ...lengthRange, integer: true, unit: "bytes" }),
    durationS: args.number(K.durationS, { ...IPERF_LIMITS.durationS, integer: true, unit: "s (whole seconds: iperf3 3.12 reads -t as an integer)" }, 10),
    parallel: args.number(K.parallel, { ...IPERF_LIMITS.parallel, integer: true }, 1),
    reverse: args.boolean(K.reverse, false),
    getServerOutput: args.boolean(K.getServerOutput, false),
    omitS: args.number(K.omitS, { ...IPERF_LIMITS.omitS, integer: true, unit: "s" }, 0),
  });
  if (options.intervalS > options.durationS) throw invalidArgument(where, K.intervalS, `must not exceed duration_s (${options.durationS} s)`, String(options.intervalS));
  return options;
}
