/** `testbench trex-emulator`: a TRex stand-in (ZeroMQ JSON-RPC) passing traffic through a simulated device. */
import { Command, InvalidArgumentError, Option } from "commander";
import type { Logger } from "../../common/logger.js";
import { runTrexEmulator } from "../emulators/trex/index.js";

export interface AgentCliContext {
  readonly stdout: (text: string) => void;
  readonly signal: AbortSignal;
  readonly logger: Logger;
}

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return parsed;
}

function number(value: string): number {
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed)) throw new InvalidArgumentError(`expected a number, got "${value}"`);
  return parsed;
}

export function trexEmulatorCommand(context: AgentCliContext): Command {
  return new Command("trex-emulator")
    .description("serve TRex's stateless JSON-RPC on loopback, forwarding through a simulated device (docs/trex.md)")
    .addOption(new Option("--port <port>", "RPC port (0 picks a free one)").argParser(integer).default(4501))
    .addOption(new Option("--async-port <port>", "async publisher port (default: --port minus 1, or free with --port 0)").argParser(integer))
    .requiredOption("--device <spec>", "simulated device, e.g. stretch:mrr=1e7,spread=1e5")
    .option("--host <address>", "address to bind", "127.0.0.1")
    .addOption(new Option("--ports <n>", "number of ports").argParser(integer).default(2))
    .addOption(new Option("--speed-gbps <gbps>", "port speed").argParser(number).default(100))
    .addOption(new Option("--max-tx-pps <pps>", "per-port transmit ceiling; above it trials stretch").argParser(number).default(40e6))
    .action(async (values: { port: number; asyncPort?: number; device: string; host: string; ports: number; speedGbps: number; maxTxPps: number }) => {
      await runTrexEmulator(
        {
          port: values.port,
          ...(values.asyncPort !== undefined && { asyncPort: values.asyncPort }),
          device: values.device,
          host: values.host,
          ports: values.ports,
          speedGbps: values.speedGbps,
          maxTxPps: values.maxTxPps,
        },
        context.signal,
        context.logger.child({ component: "trex-emulator" }),
        ({ rpcPort, asyncPort }) => context.stdout(`trex-emulator: RPC on tcp://${values.host}:${rpcPort}, async on tcp://${values.host}:${asyncPort}, device ${values.device}`),
      );
    });
}
