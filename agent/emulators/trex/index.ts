/** The TRex emulator: a ZeroMQ JSON-RPC server that behaves like TRex's stateless mode (docs/trex.md). */
export { startTrexEmulator, type TrexEmulatorHandle } from "./trex-emulator.js";
export { runTrexEmulator, type TrexEmulatorCliOptions, type TrexEmulatorCliReady } from "./run-trex-emulator.js";
export type { TrexEmulatorOptions } from "./emulator-options.js";
export type { ForwardingDevice } from "./model/emulated-trex.js";
