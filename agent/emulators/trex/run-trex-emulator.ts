import type { Logger } from "../../../common/logger.js";
import { startTrexEmulator, type TrexEmulatorHandle } from "./trex-emulator.js";

/**
 * The `testbench trex-emulator` command body: start the emulator with the parsed flags, report
 * the bound ports, serve until the signal aborts (Ctrl-C), then close the sockets.
 */

export interface TrexEmulatorCliOptions {
  /** --host, default 127.0.0.1. */
  readonly host?: string;
  /** --port: JSON-RPC port (TRex's default is 4501; 0 picks a free one). */
  readonly port: number;
  /** --async-port: publisher port (TRex's default is 4500; 0 picks a free one). */
  readonly asyncPort?: number;
  /** --device, e.g. "stretch:mrr=1e7,spread=1e5,seed=1". */
  readonly device: string;
  /** --ports, default 2. */
  readonly ports?: number;
  /** --speed-gbps, default 100. */
  readonly speedGbps?: number;
  /** --max-tx-pps: per-port generator capacity, default 40e6. */
  readonly maxTxPps?: number;
}

export interface TrexEmulatorCliReady {
  readonly rpcPort: number;
  readonly asyncPort: number;
}

export async function runTrexEmulator(
  options: TrexEmulatorCliOptions,
  signal: AbortSignal,
  logger: Logger,
  onReady?: (ready: TrexEmulatorCliReady) => void,
): Promise<void> {
  signal.throwIfAborted();
  const handle: TrexEmulatorHandle = await startTrexEmulator({
    rpcHost: options.host ?? "127.0.0.1",
    rpcPort: options.port,
    asyncPort: options.asyncPort ?? (options.port === 0 ? 0 : options.port - 1),
    device: options.device,
    portCount: options.ports ?? 2,
    portSpeedGbps: options.speedGbps ?? 100,
    maxTxPps: options.maxTxPps ?? 40e6,
    logger,
  });
  try {
    onReady?.({ rpcPort: handle.rpcPort, asyncPort: handle.asyncPort });
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener("abort", () => resolve(), { once: true });
    });
  } finally {
    await handle.close();
  }
}
