/**
 * The live measurer of a run on its testbed: in-process simulated device (virtual time),
 * the embedded testbed (TRex emulator + local agent processes), or a testbed's real agent.
 */
import type { Clock } from "../../common/clock.js";
import { VirtualClock } from "../../common/clock.js";
import { createDevice, parseDeviceSpec } from "../../common/devices/index.js";
import type { Logger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import { connectAgent } from "../agents/agent-client.js";
import type { TestbedDefinition } from "../campaign/model.js";
import { readTokenFile } from "../cli/agent-measurer.js";
import { createSimulatedMeasurer } from "../measurers/simulated.js";
import { RemoteMeasurer } from "../measurers/remote.js";
import type { Measurer } from "../search/measurer.js";
import { startEmbeddedTestbed } from "../testbed/embedded.js";
import type { ThroughputParameters } from "./plan.js";

export interface LiveMeasurer {
  readonly measurer: Measurer;
  /** The clock the search runs on: virtual for in-process devices, the real one otherwise. */
  readonly clock: Clock;
  /** The virtual clock to advance per trial, when the clock is virtual. */
  readonly virtualClock: VirtualClock | null;
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
  let stopTestbed = async () => {};
  if (testbed.kind === "embedded") {
    const embedded = await startEmbeddedTestbed({ device: parameters.device ?? "", logger: context.logger, ...(typeof frameSize === "number" && { frameSizeBytes: frameSize }) });
    ({ agentUrl: url, token } = embedded);
    stopTestbed = () => embedded.close();
  } else {
    const agent = testbed.agents[0];
    if (!agent) throw new Error(`testbed ${testbed.name} has no agents`);
    url = agent.url;
    token = await readTokenFile(agent.tokenFile, `testbed ${testbed.name} agent ${agent.id} tokenFile`);
  }
  try {
    const client = await connectAgent({ url, token, logger: context.logger.child({ agent: url }) });
    const measurer = new RemoteMeasurer({ client, logger: context.logger, trialIdPrefix: context.trialIdPrefix, ...(typeof frameSize === "number" && { frameSizeBytes: frameSize }) });
    return {
      measurer,
      clock: systemClock,
      virtualClock: null,
      close: async () => {
        await client.close();
        await stopTestbed();
      },
    };
  } catch (error) {
    await stopTestbed();
    throw error;
  }
}
