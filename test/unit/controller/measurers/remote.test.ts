import { afterEach, describe, expect, it } from "vitest";
import { SimulatedGenerator } from "../../../../agent/drivers/simulated-generator.js";
import { createDevice, parseDeviceSpec } from "../../../../common/devices/index.js";
import { systemClock } from "../../../../common/system-clock.js";
import { AgentClient, connectAgent } from "../../../../controller/agents/agent-client.js";
import { RemoteMeasurer } from "../../../../controller/measurers/remote.js";
import { lossRatio } from "../../../../controller/search/measurer.js";
import { startTestAgent, TEST_TOKEN, type TestAgent } from "../../../fixtures/wire/agent-harness.js";
import { RecordingGenerator } from "../../../fixtures/wire/test-generators.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function simulated(device = "hard:mrr=1e6,noise=0"): RecordingGenerator {
  return new RecordingGenerator(new SimulatedGenerator({ device: createDevice(parseDeviceSpec(device)), clock: systemClock }));
}

async function agentWith(generator: RecordingGenerator, port = 0): Promise<TestAgent> {
  const agent = await startTestAgent({ generator, port });
  cleanups.push(() => agent.stop());
  return agent;
}

async function clientOf(agent: TestAgent): Promise<AgentClient> {
  const client = await connectAgent({ url: agent.url, token: TEST_TOKEN, backoff: { initialDelayS: 0.01, maxDelayS: 0.05 } });
  cleanups.push(() => client.close());
  return client;
}

describe("RemoteMeasurer", () => {
  it("measures one trial through the agent, both directions summed, load per direction", async () => {
    const generator = simulated();
    const measurer = new RemoteMeasurer({ client: await clientOf(await agentWith(generator)), trialIdPrefix: "run7" });
    const result = await measurer.measure({ durationS: 0.02, loadPps: 500_000 });
    expect(result).toMatchObject({ durationS: 0.02, loadPps: 500_000, intendedCount: 20_000, offeredCount: 20_000, forwardedCount: 20_000, lostCount: 0 });
    expect(result.durationWithOverheadsS).toBeGreaterThanOrEqual(0.02);
    expect(result.offeredDurationS).toBeGreaterThanOrEqual(0.02);
    expect(generator.calls[0]!.request).toEqual({ durationS: 0.02, loadPps: 500_000, frameSizeBytes: 64, ports: [0, 1], bidirectional: true });
  });

  it("reports the device's loss above its capacity", async () => {
    const measurer = new RemoteMeasurer({ client: await clientOf(await agentWith(simulated())), bidirectional: false });
    const result = await measurer.measure({ durationS: 0.01, loadPps: 2_000_000 });
    expect(result.offeredCount).toBe(20_000);
    expect(lossRatio(result)).toBeCloseTo(0.5, 2);
  });

  it("passes a non-retryable Failure through without repeating the trial", async () => {
    const generator = simulated();
    const measurer = new RemoteMeasurer({ client: await clientOf(await agentWith(generator)), ports: [0, 5] });
    await expect(measurer.measure({ durationS: 0.01, loadPps: 1000 })).rejects.toMatchObject({ code: "TRIAL_INVALID", context: { field: "ports" } });
    expect(generator.calls).toHaveLength(0);
  });

  it("repeats a trial cut short by an agent restart and counts only the complete one", async () => {
    const firstGenerator = simulated();
    const first = await startTestAgent({ generator: firstGenerator });
    const client = await clientOf(first);
    const measurer = new RemoteMeasurer({ client, trialIdPrefix: "restart" });
    const measuring = measurer.measure({ durationS: 0.3, loadPps: 100_000 });
    await firstGenerator.started(1);
    await first.stop();
    const secondGenerator = simulated();
    await agentWith(secondGenerator, first.port);
    const result = await measuring;

    expect(firstGenerator.calls).toHaveLength(1);
    expect(firstGenerator.calls[0]!.outcome).toBeUndefined();
    expect(firstGenerator.calls[0]!.error).toBeDefined();
    expect(secondGenerator.calls).toHaveLength(1);
    const completed = secondGenerator.calls[0]!.outcome!;
    const sentPackets = completed.directions.reduce((sum, direction) => sum + direction.txPackets, 0);
    expect(sentPackets).toBe(60_000);
    expect(result).toMatchObject({ offeredCount: sentPackets, intendedCount: 60_000, lostCount: 0, forwardedCount: 60_000 });
  });

  it("gives up after maxAttempts when the agent keeps going away", async () => {
    const generator = simulated();
    const agent = await startTestAgent({ generator });
    const client = await clientOf(agent);
    const measurer = new RemoteMeasurer({ client, maxAttempts: 1 });
    const failed = expect(measurer.measure({ durationS: 0.3, loadPps: 1000 })).rejects.toMatchObject({ code: "AGENT_SHUTTING_DOWN", retryable: true });
    await generator.started(1);
    await agent.stop();
    await failed;
  });

  it("stops waiting when the search's signal aborts", async () => {
    const generator = simulated();
    const measurer = new RemoteMeasurer({ client: await clientOf(await agentWith(generator)) });
    const controller = new AbortController();
    const cancelled = expect(measurer.measure({ durationS: 5, loadPps: 1000 }, controller.signal)).rejects.toThrow("search cancelled");
    await generator.started(1);
    controller.abort(new Error("search cancelled"));
    await cancelled;
  });
});
