import { expect, test } from "vitest";
import { silentLogger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import { TrexRpcClient } from "../../agent/drivers/trex/index.js";
import { runTrexEmulator, type TrexEmulatorCliReady } from "../../agent/emulators/trex/index.js";

/** The `testbench trex-emulator` body: serves until the signal aborts, then closes its sockets. */

test("runTrexEmulator reports its ports, answers, and returns when the signal aborts", async () => {
  const controller = new AbortController();
  let announce: (ready: TrexEmulatorCliReady) => void = () => undefined;
  const ready = new Promise<TrexEmulatorCliReady>((resolve) => (announce = resolve));
  const running = runTrexEmulator({ port: 0, device: "stretch:mrr=1e7,spread=1e5,seed=1" }, controller.signal, silentLogger, announce);
  const { rpcPort, asyncPort } = await ready;
  expect(asyncPort).not.toBe(rpcPort);
  const client = new TrexRpcClient({ host: "127.0.0.1", port: rpcPort, timeoutS: 0.5, compress: false, clock: systemClock, logger: silentLogger });
  expect(await client.call("api_sync_v2", { name: "STL", major: 5, minor: 1 })).toMatchObject({ api_h: expect.stringMatching(/^[A-Za-z0-9]{8}$/) });
  controller.abort();
  await running;
  const error = await client.call("ping", {}).catch((e: unknown) => e);
  // Whether the REQ socket has seen the disconnect yet decides which of the two it is.
  expect(["TREX_UNREACHABLE", "TREX_TIMEOUT"]).toContain((error as { code?: string }).code);
  client.close();
});

test("a bad device spec is refused before anything binds", async () => {
  await expect(runTrexEmulator({ port: 0, device: "warp:mrr=1" }, new AbortController().signal, silentLogger)).rejects.toMatchObject({ code: "DEVICE_UNKNOWN" });
});
