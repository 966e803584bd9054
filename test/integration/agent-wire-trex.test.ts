/** Controller -> agent -> TRex emulator: the agent's trex generator kind over the real ZeroMQ JSON-RPC. */
import { afterEach, describe, expect, it } from "vitest";
import { startAgent, type RunningAgent } from "../../agent/main.js";
import { startTrexEmulator, type TrexEmulatorHandle } from "../../agent/emulators/trex/index.js";
import { silentLogger } from "../../common/logger.js";
import { connectAgent } from "../../controller/agents/agent-client.js";
import { RemoteMeasurer } from "../../controller/measurers/remote.js";
import { lossRatio } from "../../controller/search/measurer.js";

const TOKEN = "trex-integration-token-0123";
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function trexAgent(emulator: TrexEmulatorHandle, timeoutS: number): Promise<RunningAgent> {
  const controller = new AbortController();
  const agent = await startAgent(
    {
      file: "trex-agent.yaml",
      agentId: "tg-trex",
      listen: { host: "127.0.0.1", port: 0 },
      token: TOKEN,
      limits: { maxMessageBytes: 65536, maxPendingRequests: 4 },
      heartbeatIntervalS: 5,
      generator: { kind: "trex", host: "127.0.0.1", rpcPort: emulator.rpcPort, timeoutS, frameSizeBytes: 64, ports: [0, 1] },
    },
    { signal: controller.signal, logger: silentLogger },
  );
  cleanups.push(async () => {
    controller.abort();
    await agent.done;
  });
  return agent;
}

async function measurerFor(agent: RunningAgent, maxAttempts = 5): Promise<RemoteMeasurer> {
  const client = await connectAgent({ url: agent.url, token: TOKEN });
  cleanups.push(() => client.close());
  return new RemoteMeasurer({ client, maxAttempts });
}

async function emulator(): Promise<TrexEmulatorHandle> {
  const handle = await startTrexEmulator({ device: "hard:mrr=1e6,noise=0", publishIntervalS: 0 });
  cleanups.push(() => handle.close());
  return handle;
}

describe("agent wire with the TRex emulator", () => {
  it("measures below and above the device's capacity", async () => {
    const measurer = await measurerFor(await trexAgent(await emulator(), 3));
    const below = await measurer.measure({ durationS: 0.1, loadPps: 500_000 });
    expect(below.offeredCount).toBeGreaterThan(0);
    expect(lossRatio(below)).toBeLessThan(0.001);
    const above = await measurer.measure({ durationS: 0.1, loadPps: 2_000_000 });
    expect(lossRatio(above)).toBeGreaterThan(0.4);
  });

  it("turns a TRex that does not answer into a timeout Failure, and stays usable", async () => {
    const trex = await emulator();
    const measurer = await measurerFor(await trexAgent(trex, 0.3), 1);
    await measurer.measure({ durationS: 0.05, loadPps: 100_000 });
    trex.pause();
    await expect(measurer.measure({ durationS: 0.05, loadPps: 100_000 })).rejects.toMatchObject({ code: "TREX_TIMEOUT", retryable: true });
    trex.resume();
    const again = await measurer.measure({ durationS: 0.05, loadPps: 100_000 });
    expect(lossRatio(again)).toBeLessThan(0.001);
  });
});
