import { afterEach, describe, expect, test } from "vitest";
import { Subscriber } from "zeromq";
import { isTestbenchError, type TestbenchError } from "../../common/errors.js";
import { silentLogger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import { TrexRpcClient } from "../../agent/drivers/trex/index.js";
import { unzip } from "../../agent/drivers/trex/zip-framing.js";
import { startTrexEmulator, type TrexEmulatorHandle } from "../../agent/emulators/trex/index.js";

/** TRex JSON-RPC errors as the driver's RPC client reports them, and the emulator's sockets. */

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(compress = false): Promise<{ trex: TrexEmulatorHandle; client: TrexRpcClient; apiH: string }> {
  const trex = await startTrexEmulator({ device: "hard:mrr=1e7", publishIntervalS: 0 });
  cleanups.push(() => trex.close());
  const client = new TrexRpcClient({ host: "127.0.0.1", port: trex.rpcPort, timeoutS: 2, compress, clock: systemClock, logger: silentLogger });
  cleanups.push(() => client.close());
  const sync = (await client.call("api_sync_v2", { name: "STL", major: 5, minor: 1 })) as { api_h: string };
  return { trex, client, apiH: sync.api_h };
}

async function rejection(promise: Promise<unknown>): Promise<TestbenchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isTestbenchError(error)) throw new Error(`expected a TestbenchError, got ${String(error)}`);
  return error;
}

describe("TRex RPC errors through the driver's client", () => {
  test("unknown method: TREX_RPC_ERROR with TRex's -32601", async () => {
    const { client, apiH } = await setup();
    const error = await rejection(client.call("clear_stats", { api_h: apiH }));
    expect(error).toMatchObject({ code: "TREX_RPC_ERROR", retryable: false, context: { method: "clear_stats", trexCode: -32601, trexMessage: "Method clear_stats not registered" } });
  });

  test("bad params: -32602 with TRex's specific_err", async () => {
    const { client, apiH } = await setup();
    const error = await rejection(client.call("acquire", { api_h: apiH, port_id: "0", user: "x", session_id: 1, force: true }));
    expect(error.context).toMatchObject({ trexCode: -32602, trexMessage: "Bad parameters for method" });
    expect(String(error.context["specificErr"])).toMatch(/^error at offset: \d+ - 'port_id' is 'string', expecting 'byte'$/);
    expect(error.message).toContain("'port_id' is 'string', expecting 'byte'");
  });

  test("wrong api_h: -32000 API verification failed", async () => {
    const { client } = await setup();
    const error = await rejection(client.call("get_port_stats", { api_h: "wrong123", port_id: 0 }));
    expect(error.context).toMatchObject({ trexCode: -32000, specificErr: "API verification failed - API handler provided mismatch for class: 'STL'" });
  });

  test("a batch reports the first failing call; compressed requests get answers too", async () => {
    const { client, apiH } = await setup(true);
    const results = await client.batch([
      { method: "ping", params: {} },
      { method: "get_port_stats", params: { api_h: apiH, port_id: 1 } },
    ]);
    expect(results[1]).toMatchObject({ opackets: 0, ipackets: 0 });
    const error = await rejection(client.batch([{ method: "ping", params: {} }, { method: "get_port_stats", params: { api_h: apiH, port_id: 9 } }]));
    expect(error.context).toMatchObject({ method: "get_port_stats", trexCode: -32000, specificErr: "invalid port id - should be: 0 1" });
  });

  test("the PUB socket carries zlib-framed trex-global snapshots and the {} wake-up", async () => {
    const { trex, client, apiH } = await setup();
    const subscriber = new Subscriber({ linger: 0 });
    cleanups.push(() => subscriber.close());
    subscriber.connect(`tcp://127.0.0.1:${trex.asyncPort}`);
    subscriber.subscribe();
    const seen = new Set<string>();
    const collecting = (async () => {
      while (!(seen.has("{}") && seen.has("trex-global"))) {
        const [message = Buffer.alloc(0)] = await subscriber.receive();
        const plain = unzip(message);
        seen.add(plain ? (JSON.parse(plain.toString()) as { name: string }).name : message.toString());
      }
    })();
    // PUB drops messages until the subscription has reached it (ZeroMQ's slow joiner): keep publishing until both kinds arrived.
    let done = false;
    void collecting.then(() => (done = true));
    while (!done) {
      await client.call("publish_now", { api_h: apiH, key: 1, baseline: false });
      await systemClock.sleep(0.01);
    }
    await collecting;
    expect([...seen]).toEqual(expect.arrayContaining(["{}", "trex-global"]));
  });
});
