/** The traffic generator the agent's config describes. */
import type { Clock } from "../../common/clock.js";
import { createDevice, parseDeviceSpec } from "../../common/devices/index.js";
import type { Logger } from "../../common/logger.js";
import { preciseSystemClock, systemClock } from "../../common/system-clock.js";
import type { GeneratorConfig } from "../config/agent-config.js";
import { SimulatedGenerator } from "../drivers/simulated-generator.js";
import type { TrafficGenerator } from "../drivers/traffic-generator.js";
import { TrexTrafficGenerator } from "../drivers/trex/index.js";

export interface GeneratorDependencies {
  readonly clock: Clock;
  readonly logger: Logger;
}

export function createGenerator(config: GeneratorConfig, dependencies: GeneratorDependencies): TrafficGenerator {
  switch (config.kind) {
    case "simulated":
      return new SimulatedGenerator({ device: createDevice(parseDeviceSpec(config.device)), clock: dependencies.clock });
    case "trex":
      return new TrexTrafficGenerator({
        host: config.host,
        rpcPort: config.rpcPort,
        rpcTimeoutS: config.timeoutS,
        // One trial at a time: sleep overshoot is pure per-trial overhead, so sleep precisely.
        clock: dependencies.clock === systemClock ? preciseSystemClock : dependencies.clock,
        logger: dependencies.logger,
      });
  }
}
