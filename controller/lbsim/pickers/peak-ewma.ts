/**
 * Finagle's peak EWMA: per channel a cost that jumps to any higher round-trip time and otherwise
 * decays toward new samples with weight exp(-elapsed / decayTicks); load = cost * (active + 1),
 * or a large penalty for a channel with requests out and no sample yet. Reading the load first
 * decays the cost (Finagle's observe(0)). The pick is the least load among `choices` distinct
 * random candidates (power of two choices by default). Round-trip time = ticks from send to response.
 */
import { checkNumber } from "../config/check.js";
import { LBSIM_ERROR_CODES } from "../errors.js";
import { KIND_REQUEST } from "../model/request-table.js";
import type { World } from "../model/world.js";
import { NO_NEEDS, SimplePicker } from "./picker.js";
import type { PickerRegistration } from "./registration.js";
import { sampleDistinct } from "./sampling.js";

/** Finagle's penalty (Long.MaxValue >> 16), as a load no measured channel reaches. */
export const PEAK_EWMA_PENALTY = 2 ** 47;

class PeakEwmaPicker extends SimplePicker {
  private readonly cost: Float64Array;
  private readonly stampTick: Float64Array;
  private readonly scratch: Int32Array;
  private readonly chosen: Int32Array;

  constructor(
    private readonly decayTicks: number,
    private readonly choices: number,
    channels: number,
    channelsPerClient: number,
  ) {
    super();
    this.cost = new Float64Array(channels);
    this.stampTick = new Float64Array(channels);
    this.scratch = new Int32Array(channelsPerClient);
    this.chosen = new Int32Array(channelsPerClient);
  }

  private observe(channel: number, tick: number, rttTicks: number): void {
    const elapsed = Math.max(tick - (this.stampTick[channel] as number), 0);
    const weight = Math.exp(-elapsed / this.decayTicks);
    const cost = this.cost[channel] as number;
    this.cost[channel] = rttTicks > cost ? rttTicks : cost * weight + rttTicks * (1 - weight);
    this.stampTick[channel] = tick;
  }

  load(world: World, channel: number): number {
    this.observe(channel, world.tick, 0);
    const pending = world.channels.active[channel] as number;
    const cost = this.cost[channel] as number;
    return cost === 0 && pending !== 0 ? PEAK_EWMA_PENALTY : cost * (pending + 1);
  }

  pick(world: World, _request: number, _client: number, list: Int32Array, start: number, count: number): number {
    const n = Math.min(this.choices, count);
    sampleDistinct(world.rng.picker, list, start, count, n, this.scratch, this.chosen);
    let best = this.chosen[0] as number;
    let bestLoad = this.load(world, best);
    for (let index = 1; index < n; index += 1) {
      const channel = this.chosen[index] as number;
      const load = this.load(world, channel);
      if (load < bestLoad) {
        best = channel;
        bestLoad = load;
      }
    }
    return best;
  }

  override responded(world: World, request: number, channel: number): void {
    if (world.requests.kind[request] !== KIND_REQUEST) return;
    this.observe(channel, world.tick, world.tick - (world.requests.sentTick[request] as number) + 2);
  }
}

export const PEAK_EWMA: PickerRegistration = {
  name: "peakEwma",
  options: ["decayTicks", "choices"],
  summary: "Finagle peak EWMA: least cost * (active + 1) among `choices` (2) random candidates",
  compile(spec, path, env) {
    const decayTicks = checkNumber(LBSIM_ERROR_CODES.pickerOptionInvalid, `${path}.decayTicks`, spec.decayTicks ?? 10_000, { above: 0 });
    const choices = checkNumber(LBSIM_ERROR_CODES.pickerOptionInvalid, `${path}.choices`, spec.choices ?? 2, { integer: true, min: 1 });
    return { needs: NO_NEEDS, build: (world) => new PeakEwmaPicker(decayTicks, choices, world.channels.count, env.channelsPerClient) };
  },
};
