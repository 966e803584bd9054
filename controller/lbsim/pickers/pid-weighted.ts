/**
 * The notebook's PidUtilizationWeighted (client side): each channel has a PID controller driving
 * its weight toward a target utilization (the mean reported utilization + 10 below 80%, else the
 * mean), fed on every pick with the utilization from the channel's latest response (channels
 * without one use the mean); the pick is random with weight - min + 0.1. Reported values are
 * keyed by server as the notebook keyed them by channel name, so two channels to one server share one.
 */
import { COLUMN, columnBit } from "../model/snapshot-table.js";
import type { World } from "../model/world.js";
import { CLIENT_PID_GAINS, PidArray } from "../model/pid.js";
import { SimplePicker } from "./picker.js";
import type { PickerRegistration } from "./registration.js";
import { weightedIndex } from "./sampling.js";

class PidWeightedPicker extends SimplePicker {
  private readonly pid: PidArray;
  private readonly weight: Float64Array;
  private readonly keys: Int32Array;
  private readonly values: Float64Array;
  private readonly weights: Float64Array;

  constructor(channels: number, channelsPerClient: number) {
    super();
    this.pid = new PidArray(channels, CLIENT_PID_GAINS);
    this.weight = new Float64Array(channels);
    this.keys = new Int32Array(channelsPerClient);
    this.values = new Float64Array(channelsPerClient);
    this.weights = new Float64Array(channelsPerClient);
  }

  private reported(key: number, known: number): number {
    for (let index = 0; index < known; index += 1) if (this.keys[index] === key) return this.values[index] as number;
    return Number.NaN;
  }

  pick(world: World, _request: number, _client: number, list: Int32Array, start: number, count: number): number {
    const { channels, snapshots } = world;
    let known = 0;
    for (let index = start; index < start + count; index += 1) {
      const channel = list[index] as number;
      const utilization = snapshots.get(channels.lastSnapshot[channel] as number, COLUMN.utilizationLatest);
      if (Number.isNaN(utilization)) continue;
      const key = channels.pairKey[channel] as number;
      let slot = 0;
      while (slot < known && this.keys[slot] !== key) slot += 1;
      if (slot === known) this.keys[known++] = key;
      this.values[slot] = utilization;
    }
    if (known === 0) return list[start + world.rng.picker.below(count)] as number;
    let sum = 0;
    for (let index = 0; index < known; index += 1) sum += this.values[index] as number;
    const average = sum / known;
    const target = average < 80 ? average + 10 : average;
    let lowest = Infinity;
    for (let index = 0; index < count; index += 1) {
      const channel = list[start + index] as number;
      const reported = this.reported(channels.pairKey[channel] as number, known);
      const utilization = Number.isNaN(reported) ? average : reported;
      const weight = (this.weight[channel] as number) + this.pid.update(channel, utilization, target);
      this.weight[channel] = weight;
      this.weights[index] = weight;
      if (weight < lowest) lowest = weight;
    }
    for (let index = 0; index < count; index += 1) this.weights[index] = (this.weights[index] as number) - lowest + 0.1;
    return list[start + weightedIndex(world.rng.picker, this.weights, count)] as number;
  }
}

export const PID_WEIGHTED: PickerRegistration = {
  name: "pidWeighted",
  options: [],
  summary: "client-side PID weights per channel toward a target utilization (the notebook's ClientPidControlledUtilization)",
  compile: (_spec, _path, env) => ({
    needs: Object.freeze({ snapshotColumns: columnBit(COLUMN.utilizationLatest), serverPid: false }),
    build: (world) => new PidWeightedPicker(world.channels.count, env.channelsPerClient),
  }),
};
