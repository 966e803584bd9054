/** The agent's per-process session context (hello, generator, instruments, ownership) built from its config. */
import type { Clock } from "../common/clock.js";
import { Capability, PROTOCOL_VERSION } from "../common/wire/protocol.js";
import { SOFTWARE_VERSION } from "../common/wire/software-version.js";
import { createWallClockNs } from "../common/wire/wall-clock-ns.js";
import { FRAME_SIZE_RANGE_BYTES, type AgentConfig } from "./config/agent-config.js";
import type { TrafficGenerator } from "./drivers/traffic-generator.js";
import { GeneratorOwnership } from "./session/generator-ownership.js";
import { SerialQueue } from "./session/serial-queue.js";
import type { SessionContext } from "./session/session-context.js";
import { createInstruments } from "./streams/create-instruments.js";

export function agentSessionContext(config: AgentConfig, generator: TrafficGenerator, clock: Clock): { context: SessionContext; capabilities: readonly string[] } {
  const wallClockNs = createWallClockNs(clock);
  const { instruments, capabilities } = createInstruments(config, clock, wallClockNs);
  const context: SessionContext = {
    hello: Object.freeze({
      agentId: config.agentId,
      softwareVersion: SOFTWARE_VERSION,
      protocolVersion: PROTOCOL_VERSION,
      capabilities: Object.freeze([Capability.trial, ...capabilities]),
      heartbeatIntervalS: config.heartbeatIntervalS,
      maxMessageBytes: config.limits.maxMessageBytes,
      maxPendingRequests: config.limits.maxPendingRequests,
      ports: config.generator.ports,
    }),
    generator,
    trialDefaults: { frameSizeBytes: config.generator.frameSizeBytes, ports: config.generator.ports, frameSizeRangeBytes: FRAME_SIZE_RANGE_BYTES },
    ownership: new GeneratorOwnership(),
    trialQueue: new SerialQueue(),
    clock,
    wallClockNs,
    instruments,
  };
  return { context, capabilities };
}
