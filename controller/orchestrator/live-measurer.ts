/**
 * The live measurer of a run on its testbed: in-process simulated device (virtual time),
 * the embedded testbed (TRex emulator + local agent processes), or a testbed's real agent.
 */
import type { Clock } from "../../common/clock.js";
import { VirtualClock } from "../../common/clock.js";
import { createDevice, parseDeviceSpec } from "../../common/devices/index.js";
import type { Logger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import { connectAgent, type AgentClient } from "../agents/agent-client.js";
import type { TestbedDefinition } from "../campaign/model.js";
import { readTokenFile } from "../cli/agent-measurer.js";
import { createSimulatedMeasurer } from "../measurers/simulated.js";
import { PowerRecordingMeasurer } from "../measurers/power-recording.js";
import { RemoteMeasurer } from "../measurers/remote.js";
import type { Measurer, TrialResult } from "../search/measurer.js";
import { startEmbeddedTestbed } from "../testbed/embedded.js";
import type { ThroughputParameters } from "./plan.js";
import { startRunPower } from "./run-power.js";

export interface LiveMeasurer {
  readonly measurer: Measurer;
  /** The clock the search runs on: virtual for in-process devices, the real one otherwise. */
  readonly clock: Clock;
  /** The virtual clock to advance per trial, when the clock is virtual. */
  readonly virtualClock: VirtualClock | null;
  /** The mean power per device over a trial `measurer` answered, when the testbed has meters. */
  readonly powerOf?: (result: TrialResult) => unknown;
  close(): Promise<void>;
}

export async function openLiveMeasurer(testbed: TestbedDefinition, parameters: ThroughputParameters, context: { logger: Logger; trialIdPrefix: string }): Promise<LiveMeasurer> {
  const overheadS = Number(parameters.options["overhead"] ?? 0);
  const frameSize = parameters.options["frameSize"];
  if (testbed.kind === "simulated") {
    const clock = new VirtualClock();
    const measurer = createSimulatedMeasurer({ device: createDevice(parseDeviceSpec(parameters.device ?? "")), overheadS });
    return { measurer, clock, virtualClock: clock, close: async () => {} };
  }
  let url: string;
  let token: string;
  let agentId: string;
  let stopTestbed = async () => {};
  if (testbed.kind === "embedded") {
    const embedded = await startEmbeddedTestbed({ device: parameters.device ?? "", logger: context.logger, ...(typeof frameSize === "number" && { frameSizeBytes: frameSize }) });
    ({ agentUrl: url, token } = embedded);
    agentId = "embedded";
    stopTestbed = () => embedded.close();
  } else {
    const agent = testbed.agents[0];
    if (!agent) throw new Error(`testbed ${testbed.name} has no agents`);
    ({ url, id: agentId } = agent);
    token = await readTokenFile(agent.tokenFile, `testbed ${testbed.name} agent ${agent.id} tokenFile`);
  }
  const clients = new Map<string, AgentClient>();
  const closeAll = async () => {
    for (const client of clients.values()) await client.close();
    await stopTestbed();
  };
  try {
    const client = await connectAgent({ url, token, logger: context.logger.child({ agent: url }) });
    clients.set(agentId, client);
    for (const ref of testbed.agents) {
      if (clients.has(ref.id) || !testbed.meters.some((meter) => meter.agent === ref.id)) continue;
      const meterToken = await readTokenFile(ref.tokenFile, `testbed ${testbed.name} agent ${ref.id} tokenFile`);
      clients.set(ref.id, await connectAgent({ url: ref.url, token: meterToken, logger: context.logger.child({ agent: ref.url }) }));
    }
    const remote = new RemoteMeasurer({ client, logger: context.logger, trialIdPrefix: context.trialIdPrefix, ...(typeof frameSize === "number" && { frameSizeBytes: frameSize }) });
    if (testbed.meters.length === 0) return { measurer: remote, clock: systemClock, virtualClock: null, close: closeAll };
    const power = await startRunPower(testbed.meters, (id) => clients.get(id) ?? client, { clock: systemClock, logger: context.logger, runLabel: context.trialIdPrefix });
    const measurer = new PowerRecordingMeasurer(remote, power.recorder, { clock: systemClock });
    return {
      measurer,
      clock: systemClock,
      virtualClock: null,
      powerOf: (result) => measurer.powerOf(result),
      close: async () => {
        await power.close();
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
