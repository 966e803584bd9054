import { Reply } from "zeromq";
import { writeJson } from "./json/jsoncpp-writer.js";
import { ownershipCommands } from "./commands/ownership-commands.js";
import { portCommands } from "./commands/port-commands.js";
import { globalSnapshot, statsCommands } from "./commands/stats-commands.js";
import { streamCommands } from "./commands/stream-commands.js";
import { systemCommands } from "./commands/system-commands.js";
import { trafficCommands } from "./commands/traffic-commands.js";
import { compileEmulatorOptions, type CompiledEmulatorOptions, type TrexEmulatorOptions } from "./emulator-options.js";
import { EmulatedTrex } from "./model/emulated-trex.js";
import { boundPort, PublisherChannel } from "./publisher-channel.js";
import { CommandTable } from "./rpc/command-table.js";
import { handleMessage } from "./rpc/json-rpc-envelope.js";
import { JsonRpcCode } from "./rpc/rpc-fault.js";
import { ReplyGate } from "./reply-gate.js";

/**
 * A TRex stateless server on ZeroMQ: a REP socket speaking TRex's JSON-RPC and a PUB socket for
 * its async channel, with traffic passing through a simulated device. Like TRex, it serves one
 * request at a time.
 */

export interface TrexEmulatorHandle {
  readonly rpcPort: number;
  readonly asyncPort: number;
  /** Fault injection: keep answering nothing (requests are read, replies held) until resume(). */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

/** Where commands publish: the PUB socket in the server, a recorder in tests. */
export interface PublishSink {
  trigger(): void;
  publishJson(text: string): void;
}

/** Every command the emulator registers, bound to one server state. */
export function buildCommandTable(trex: EmulatedTrex, publisher: PublishSink): CommandTable {
  let table: CommandTable | undefined = undefined;
  const hooks = {
    supportedCommands: () => table?.names() ?? [],
    publishNow: (baseline: boolean) => {
      publisher.publishJson(globalSnapshot(trex, baseline));
      publisher.trigger();
    },
  };
  table = new CommandTable(trex, [...systemCommands(hooks), ...ownershipCommands, ...portCommands, ...streamCommands, ...trafficCommands, ...statsCommands]);
  return table;
}

async function serve(socket: Reply, table: CommandTable, gate: ReplyGate, options: CompiledEmulatorOptions): Promise<void> {
  for (;;) {
    let message: Buffer | undefined;
    try {
      [message] = await socket.receive();
    } catch (error) {
      if (socket.closed) return;
      throw error;
    }
    let reply: Buffer;
    try {
      reply = handleMessage(message ?? Buffer.alloc(0), table);
    } catch (error) {
      options.logger.error({ err: error }, "trex emulator failed to handle a request");
      reply = Buffer.from(writeJson({ jsonrpc: "2.0", id: null, error: { code: JsonRpcCode.internal, message: "Internal Server Error" } }));
    }
    await gate.passed();
    if (socket.closed) return;
    await socket.send(reply);
  }
}

async function publishLoop(trex: EmulatedTrex, publisher: PublisherChannel, options: CompiledEmulatorOptions, signal: AbortSignal): Promise<void> {
  if (options.publishIntervalS <= 0) return;
  while (!signal.aborted) {
    try {
      await options.clock.sleep(options.publishIntervalS, signal);
    } catch {
      return;
    }
    trex.sync();
    publisher.publishJson(globalSnapshot(trex, false));
  }
}

export async function startTrexEmulator(raw: TrexEmulatorOptions): Promise<TrexEmulatorHandle> {
  const options = compileEmulatorOptions(raw);
  const logger = options.logger;
  const publisher = new PublisherChannel(logger);
  const trex = new EmulatedTrex({ ...options }, () => publisher.trigger());
  const table = buildCommandTable(trex, publisher);
  const socket = new Reply({ linger: 0 });
  const gate = new ReplyGate();
  const stop = new AbortController();
  let rpcPort: number;
  let asyncPort: number;
  try {
    await socket.bind(`tcp://${options.rpcHost}:${options.rpcPort}`);
    rpcPort = boundPort(socket.lastEndpoint);
    asyncPort = await publisher.bind(options.rpcHost, options.asyncPort);
  } catch (error) {
    socket.close();
    await publisher.close();
    throw error;
  }
  const served = serve(socket, table, gate, options).catch((error: unknown) => logger.error({ err: error }, "trex emulator RPC loop stopped"));
  const ticking = publishLoop(trex, publisher, options, stop.signal);
  logger.info({ rpcPort, asyncPort, host: options.rpcHost, ports: options.portCount }, "trex emulator listening");
  let closing: Promise<void> | undefined;
  return {
    rpcPort,
    asyncPort,
    pause: () => gate.close(),
    resume: () => gate.open(),
    close: () => {
      closing ??= (async () => {
        stop.abort();
        socket.close();
        gate.open();
        await Promise.all([served, ticking]);
        await publisher.close();
        logger.info({ rpcPort }, "trex emulator closed");
      })();
      return closing;
    },
  };
}
