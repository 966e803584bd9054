/**
 * Envoy's LEAST_REQUEST load balancer. With equal host weights (the default here) it samples
 * choiceCount candidates uniformly with replacement and takes the one with the fewest active
 * requests (the first sampled on ties). With weights "serverThreads" (host weight = the server's
 * thread count, as if service discovery published capacity) it runs Envoy's earliest-deadline-
 * first schedule over the client's channels, each host re-entering the schedule after a pick
 * with weight / (active + 1)^activeRequestBias; bias 0 is plain weighted round robin.
 */
import { checkChoice, checkNumber } from "../config/check.js";
import { LBSIM_ERROR_CODES } from "../errors.js";
import type { World } from "../model/world.js";
import { NO_NEEDS, SimplePicker } from "./picker.js";
import type { PickerRegistration } from "./registration.js";

const WEIGHTS = ["equal", "serverThreads"] as const;

class EnvoyLeastRequestPicker extends SimplePicker {
  private readonly deadline: Float64Array;
  private readonly scheduled: Uint8Array;

  constructor(
    private readonly choiceCount: number,
    private readonly bias: number,
    private readonly weighted: boolean,
    channels: number,
    clients: number,
  ) {
    super();
    this.deadline = new Float64Array(channels);
    this.scheduled = new Uint8Array(clients);
  }

  private effectiveWeight(world: World, channel: number): number {
    const weight = world.servers.threads[world.channels.server[channel] as number] as number;
    return weight / Math.pow((world.channels.active[channel] as number) + 1, this.bias);
  }

  private leastActive(world: World, list: Int32Array, start: number, count: number): number {
    let best = -1;
    for (let draw = 0; draw < this.choiceCount; draw += 1) {
      const channel = list[start + world.rng.picker.below(count)] as number;
      if (best < 0 || (world.channels.active[channel] as number) < (world.channels.active[best] as number)) best = channel;
    }
    return best;
  }

  private earliestDeadline(world: World, client: number, start: number, count: number): number {
    if (this.scheduled[client] === 0) {
      this.scheduled[client] = 1;
      for (let channel = start; channel < start + count; channel += 1) this.deadline[channel] = 1 / this.effectiveWeight(world, channel);
    }
    let earliest = start;
    for (let channel = start + 1; channel < start + count; channel += 1) {
      if ((this.deadline[channel] as number) < (this.deadline[earliest] as number)) earliest = channel;
    }
    this.deadline[earliest] = (this.deadline[earliest] as number) + 1 / this.effectiveWeight(world, earliest);
    return earliest;
  }

  pick(world: World, _request: number, client: number, list: Int32Array, start: number, count: number): number {
    const fullList = list === world.channelIds && count === world.settings.channelsPerClient;
    if (this.weighted && fullList) return this.earliestDeadline(world, client, start, count);
    return this.leastActive(world, list, start, count);
  }
}

export const ENVOY_LEAST_REQUEST: PickerRegistration = {
  name: "envoyLeastRequest",
  options: ["choiceCount", "activeRequestBias", "weights"],
  summary: "Envoy LEAST_REQUEST: fewest active of choiceCount samples; weighted EDF with activeRequestBias",
  compile(spec, path, env) {
    const choiceCount = checkNumber(LBSIM_ERROR_CODES.pickerOptionInvalid, `${path}.choiceCount`, spec.choiceCount ?? 2, { integer: true, min: 2 });
    const bias = checkNumber(LBSIM_ERROR_CODES.pickerOptionInvalid, `${path}.activeRequestBias`, spec.activeRequestBias ?? 1, { min: 0 });
    const weights = spec.weights === undefined ? "equal" : checkChoice(LBSIM_ERROR_CODES.pickerOptionInvalid, `${path}.weights`, spec.weights, WEIGHTS);
    return {
      needs: NO_NEEDS,
      build: (world) => new EnvoyLeastRequestPicker(choiceCount, bias, weights === "serverThreads", world.channels.count, env.clients),
    };
  },
};
