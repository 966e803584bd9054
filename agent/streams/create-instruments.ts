/** The stream starters and actions the agent's config defines, and the capabilities they add to AgentHello. */
import type { Clock } from "../../common/clock.js";
import { Capability } from "../../common/wire/protocol.js";
import type { WallClockNs } from "../../common/wire/wall-clock-ns.js";
import { ActionCatalog } from "../actions/action-catalog.js";
import type { AgentConfig } from "../config/agent-config.js";
import { Iperf3Driver } from "../drivers/iperf3/index.js";
import { GeneratorOwnership } from "../session/generator-ownership.js";
import type { Instruments } from "../session/session-context.js";
import { ActionStreamStarter } from "./action-stream.js";
import { IperfStreamStarter } from "./iperf-stream.js";
import { PowerStreamStarter } from "./power-stream.js";
import type { StreamStarter } from "./stream-source.js";

/** Streams one connection may have running at once. */
export const MAX_STREAMS_PER_SESSION = 256;

export function createInstruments(config: AgentConfig, clock: Clock, wallClockNs: WallClockNs): { instruments: Instruments; capabilities: readonly string[] } {
  const starters: { power?: StreamStarter; iperf?: StreamStarter; action?: StreamStarter } = {};
  const capabilities: string[] = [];
  const meters = config.meters ?? [];
  if (meters.length > 0) {
    starters.power = new PowerStreamStarter({ meters: new Map(meters.map((meter) => [meter.name, meter])), clock, wallClockNs });
    capabilities.push(Capability.powerStream);
  }
  if (config.iperf3 !== undefined) {
    starters.iperf = new IperfStreamStarter(new Iperf3Driver({ ...config.iperf3, clock, wallClockNs }));
    capabilities.push(Capability.iperfStream);
  }
  const actions = (config.actions ?? []).length > 0 ? new ActionCatalog(config.actions ?? []) : undefined;
  if (actions !== undefined) {
    starters.action = new ActionStreamStarter({ actions, clock, wallClockNs });
    capabilities.push(Capability.actionStream, Capability.action);
  }
  return {
    instruments: Object.freeze({ starters: Object.freeze(starters), actions, ownership: new GeneratorOwnership(), maxStreamsPerSession: MAX_STREAMS_PER_SESSION }),
    capabilities: Object.freeze(capabilities),
  };
}
