/**
 * Costs a client knows by itself: its requests in flight on the channel (the notebook's
 * ClientRequestsInFlightCost, which counts until the server finishes, probes included), its
 * active requests (until the response arrives: Envoy's and peak-EWMA's count), and the latency
 * of the channel's recent completions (the notebook's ClientLatencyCost: mean, latest or EWMA).
 */
import type { World } from "../model/world.js";
import { NO_NEEDS } from "../pickers/picker.js";
import type { CostFunction } from "./cost.js";

const clientRif: CostFunction = Object.freeze({
  name: "clientRif",
  integerValued: true,
  needs: NO_NEEDS,
  cost: (world: World, channel: number): number => world.channels.inFlight[channel] as number,
});

const clientActive: CostFunction = Object.freeze({
  name: "clientActive",
  integerValued: true,
  needs: NO_NEEDS,
  cost: (world: World, channel: number): number => world.channels.active[channel] as number,
});

function clientLatency(aggregate: "Mean" | "Latest" | "Ewma"): CostFunction {
  const read =
    aggregate === "Mean"
      ? (world: World, channel: number) => world.channels.completedLatency[channel]?.mean() ?? Number.NaN
      : aggregate === "Latest"
        ? (world: World, channel: number) => world.channels.completedLatency[channel]?.latest() ?? Number.NaN
        : (world: World, channel: number) => world.channels.completedLatency[channel]?.ewma(world.settings.ewmaWeight) ?? Number.NaN;
  return Object.freeze({ name: `clientLatency${aggregate}`, integerValued: aggregate === "Latest", needs: NO_NEEDS, cost: read });
}

export const CLIENT_COSTS: readonly CostFunction[] = [
  clientRif,
  clientActive,
  clientLatency("Mean"),
  clientLatency("Latest"),
  clientLatency("Ewma"),
];
