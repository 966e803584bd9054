/** The TRex traffic-generator driver (docs/trex.md). */
export { TrexTrafficGenerator, type TrexTrialOutcome } from "./trex-traffic-generator.js";
export type { TrexDriverOptions } from "./driver-options.js";
export type { TrexDirectionCounters } from "./trial-counters.js";
export { intendedCount, unsentAllowanceS } from "./trial-counters.js";
export { TrexErrorCode } from "./driver-errors.js";
export { TrexRpcClient, type RpcCall, type TrexRpcClientOptions } from "./trex-rpc-client.js";
