import { afterEach, describe, expect, test } from "vitest";
import { Reply } from "zeromq";
import { VirtualClock, type Clock } from "../../common/clock.js";
import { isTestbenchError, type TestbenchError } from "../../common/errors.js";
import { systemClock } from "../../common/system-clock.js";
import { TrexRpcClient, TrexTrafficGenerator, type TrexDriverOptions } from "../../agent/drivers/trex/index.js";
import { silentLogger } from "../../common/logger.js";
import { startTrexEmulator, type TrexEmulatorHandle, type TrexEmulatorOptions } from "../../agent/emulators/trex/index.js";
import type { GeneratorTrialRequest } from "../../agent/drivers/traffic-generator.js";

/** The TRex driver against the TRex emulator over real ZeroMQ sockets on 127.0.0.1. */

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emulator(options: Partial<TrexEmulatorOptions> = {}): Promise<TrexEmulatorHandle> {
  const handle = await startTrexEmulator({ device: "hard:mrr=2e7", publishIntervalS: 0, ...options });
  cleanups.push(() => handle.close());
  return handle;
}

function driver(rpcPort: number, options: TrexDriverOptions = {}): TrexTrafficGenerator {
  const generator = new TrexTrafficGenerator({ rpcPort, rpcTimeoutS: 2, ...options });
  cleanups.push(() => generator.close());
  return generator;
}

const trial = (overrides: Partial<GeneratorTrialRequest> = {}): GeneratorTrialRequest => ({
  durationS: 0.2,
  loadPps: 1e6,
  frameSizeBytes: 64,
  ports: [0, 1],
  bidirectional: true,
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<TestbenchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isTestbenchError(error)) throw new Error(`expected a TestbenchError, got ${String(error)}`);
  return error;
}

/** A TCP port nobody listens on (bound once, then released). */
async function freePort(): Promise<number> {
  const socket = new Reply({ linger: 0 });
  await socket.bind("tcp://127.0.0.1:0");
  const port = Number(socket.lastEndpoint?.split(":").pop());
  socket.close();
  return port;
}

describe("TRex driver against the emulator (real clock)", () => {
  test("a device faster than the load forwards everything, both directions", async () => {
    const trex = await emulator();
    const outcome = await driver(trex.rpcPort).runTrial(trial({ durationS: 0.3, loadPps: 1e6 }));
    expect(outcome.directions.map((d) => [d.txPort, d.rxPort])).toEqual([[0, 1], [1, 0]]);
    for (const d of outcome.directions) {
      expect(d).toMatchObject({ txPackets: 300_000, rxPackets: 300_000, intendedCount: 300_000, unsentCount: 0, lostCount: 0, negativeLoss: false });
    }
    expect(outcome.offeredDurationS).toBeGreaterThanOrEqual(0.3);
    expect(outcome.durationWithOverheadsS).toBeGreaterThan(outcome.offeredDurationS);
  });

  test("a load above the device's limit loses about load - mrr", async () => {
    const trex = await emulator({ device: "hard:mrr=1e6,noise=0" });
    const outcome = await driver(trex.rpcPort).runTrial(trial({ durationS: 0.5, loadPps: 2e6 }));
    for (const d of outcome.directions) {
      expect(d.txPackets).toBe(1_000_000);
      expect(d.lostCount / d.txPackets).toBeCloseTo(0.5, 2);
    }
  });

  test("an emulator that stops answering gives TREX_TIMEOUT within the timeout, and the driver recovers", async () => {
    const trex = await emulator();
    const generator = driver(trex.rpcPort, { rpcTimeoutS: 0.3 });
    await generator.runTrial(trial({ durationS: 0.05 }));
    trex.pause();
    const beganS = systemClock.monotonicS();
    const error = await failure(generator.runTrial(trial({ durationS: 0.05 })));
    const elapsedS = systemClock.monotonicS() - beganS;
    expect(error).toMatchObject({ code: "TREX_TIMEOUT", retryable: true });
    expect(error.context).toMatchObject({ method: expect.stringContaining("stop_traffic") });
    expect(elapsedS).toBeGreaterThanOrEqual(0.29);
    expect(elapsedS).toBeLessThan(1);
    trex.resume();
    const outcome = await generator.runTrial(trial({ durationS: 0.05 }));
    expect(outcome.directions[0]?.rxPackets).toBe(50_000);
  });

  test("a REP socket that never replies: TREX_TIMEOUT; the same driver then works once TRex answers", async () => {
    const silent = new Reply({ linger: 0 });
    await silent.bind("tcp://127.0.0.1:0");
    const port = Number(silent.lastEndpoint?.split(":").pop());
    const received = silent.receive();
    const generator = driver(port, { rpcTimeoutS: 0.2 });
    const error = await failure(generator.runTrial(trial()));
    expect(error.code).toBe("TREX_TIMEOUT");
    expect(JSON.parse((await received)[0]?.toString() ?? "")).toMatchObject({ method: "api_sync_v2" });
    // Unbind first: close() alone releases the port asynchronously, and the emulator rebinds it.
    await silent.unbind(silent.lastEndpoint ?? "");
    silent.close();
    const trex = await emulator({ rpcPort: port });
    expect((await generator.runTrial(trial({ durationS: 0.05 }))).directions).toHaveLength(2);
    expect(trex.rpcPort).toBe(port);
  });

  test("nothing listening: TREX_UNREACHABLE", async () => {
    const error = await failure(driver(await freePort(), { rpcTimeoutS: 0.2 }).runTrial(trial()));
    expect(error).toMatchObject({ code: "TREX_UNREACHABLE", retryable: true });
    expect(error.message).toContain("Cannot reach TRex at tcp://127.0.0.1:");
  });

  test("invalid trials are refused naming the field, and the generator stays usable", async () => {
    const trex = await emulator();
    const generator = driver(trex.rpcPort);
    const cases: Array<[Partial<GeneratorTrialRequest>, string]> = [
      [{ loadPps: 0 }, "loadPps"],
      [{ durationS: -1 }, "durationS"],
      [{ frameSizeBytes: 32 }, "frameSizeBytes"],
      [{ ports: [0] }, "ports"],
      [{ ports: [0, 2] }, "ports"],
    ];
    for (const [bad, field] of cases) {
      const error = await failure(generator.runTrial(trial(bad)));
      expect(error).toMatchObject({ code: "TRIAL_INVALID", name: "ValidationError", context: { field } });
    }
    expect((await generator.runTrial(trial({ durationS: 0.05 }))).directions).toHaveLength(2);
  });

  test("a cancelled trial stops the traffic and reports TREX_CANCELLED", async () => {
    const trex = await emulator();
    const controller = new AbortController();
    const clock: Clock = {
      ...systemClock,
      sleep: (durationS, signal) => {
        if (durationS > 10) controller.abort(new Error("operator pressed Ctrl-C"));
        return systemClock.sleep(durationS, signal);
      },
    };
    const generator = driver(trex.rpcPort, { clock });
    const error = await failure(generator.runTrial(trial({ durationS: 30 }), controller.signal));
    expect(error.code).toBe("TREX_CANCELLED");
    const probe = new TrexRpcClient({ host: "127.0.0.1", port: trex.rpcPort, timeoutS: 2, compress: false, clock: systemClock, logger: silentLogger });
    cleanups.push(() => probe.close());
    const { api_h } = (await probe.call("api_sync_v2", { name: "STL", major: 5, minor: 1 })) as { api_h: string };
    const states = await probe.batch([0, 1].map((port) => ({ method: "get_port_status", params: { api_h, port_id: port } })));
    expect(states.map((s) => (s as { state: string }).state)).toEqual(["STREAMS", "STREAMS"]);
    const outcome = await generator.runTrial(trial({ durationS: 0.05 }));
    expect(outcome.directions[0]?.txPackets).toBe(50_000);
  });
});

describe("TRex driver against the emulator (shared virtual clock: exact counts)", () => {
  async function virtualPair(emulatorOptions: Partial<TrexEmulatorOptions>, driverOptions: TrexDriverOptions = {}) {
    const clock = new VirtualClock(100);
    const trex = await emulator({ clock, ...emulatorOptions });
    return { clock, generator: driver(trex.rpcPort, { clock, ...driverOptions }) };
  }

  test("start+sleep+stop at exactly D: the 5 µs startup delay stays within the 10 µs allowance", async () => {
    const { generator } = await virtualPair({ device: "hard:mrr=2e7,noise=0", startupDelayS: 5e-6 }, { drainS: 1e-3 });
    const outcome = await generator.runTrial(trial({ durationS: 1, loadPps: 1e7 }));
    expect(outcome.offeredDurationS).toBe(1);
    expect(outcome.durationWithOverheadsS).toBeCloseTo(1.001, 9);
    for (const d of outcome.directions) expect(d).toMatchObject({ txPackets: 9_999_950, intendedCount: 9_999_950, unsentCount: 0, rxPackets: 9_999_950 });
  });

  test("without a drain wait, packets still inside the device count as lost", async () => {
    const { generator } = await virtualPair({ device: "hard:mrr=2e7,noise=0", startupDelayS: 0, deviceLatencyS: 1e-5 });
    const outcome = await generator.runTrial(trial({ durationS: 1, loadPps: 1e7 }));
    expect(outcome.directions[0]).toMatchObject({ txPackets: 1e7, rxPackets: 1e7 - 100, lostCount: 100 });
  });

  test("duration stretching: a generator slower than the load leaves packets unsent, counted against the intended count", async () => {
    const { generator } = await virtualPair({ device: "hard:mrr=2e7,noise=0", maxTxPps: 5e6, startupDelayS: 0 }, { drainS: 1e-3, forceStart: true });
    const outcome = await generator.runTrial(trial({ durationS: 1, loadPps: 1e7 }));
    expect(outcome.directions[0]).toMatchObject({ txPackets: 5e6, intendedCount: 9_999_900, unsentCount: 4_999_900, lostCount: 0 });
  });

  test("more received than sent is flagged as negative loss", async () => {
    const duplicating = { trial: (loadPps: number, durationS: number) => ({ offeredCount: Math.floor(loadPps * durationS), lostCount: -Math.floor(loadPps * durationS * 0.01) }) };
    const { generator } = await virtualPair({ device: duplicating, startupDelayS: 0 }, { drainS: 1e-3 });
    const outcome = await generator.runTrial(trial({ durationS: 1, loadPps: 1e5, bidirectional: false }));
    expect(outcome.directions).toHaveLength(1);
    expect(outcome.directions[0]).toMatchObject({ txPackets: 100_000, rxPackets: 101_000, lostCount: -1000, negativeLoss: true });
  });
});
