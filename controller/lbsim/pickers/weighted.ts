/**
 * The notebook's Weighted: a random candidate with probability proportional to 1 / cost. Missing
 * and zero costs take the mean of the others; with no usable cost at all the pick is uniform.
 * allowNegativeCost (for the PID cost, 1 / weight) shifts weights so the smallest is 0.1.
 */
import { checkBoolean } from "../config/check.js";
import type { CostFunction } from "../costs/cost.js";
import { resolveCost } from "../costs/registry.js";
import { LBSIM_ERROR_CODES } from "../errors.js";
import type { World } from "../model/world.js";
import { SimplePicker } from "./picker.js";
import type { PickerRegistration } from "./registration.js";
import { weightedIndex } from "./sampling.js";

class WeightedPicker extends SimplePicker {
  private readonly costs: Float64Array;
  private readonly weights: Float64Array;

  constructor(
    private readonly costFunction: CostFunction,
    private readonly allowNegativeCost: boolean,
    channelsPerClient: number,
  ) {
    super();
    this.costs = new Float64Array(channelsPerClient);
    this.weights = new Float64Array(channelsPerClient);
  }

  pick(world: World, _request: number, _client: number, list: Int32Array, start: number, count: number): number {
    const { costs, weights } = this;
    let sum = 0;
    let known = 0;
    for (let index = 0; index < count; index += 1) {
      let cost = this.costFunction.cost(world, list[start + index] as number);
      if (!this.allowNegativeCost && cost < 0) cost = 0;
      costs[index] = cost;
      if (cost !== 0 && !Number.isNaN(cost)) {
        sum += cost;
        known += 1;
      }
    }
    const average = known === 0 ? 0 : sum / known;
    if (average === 0) return list[start + world.rng.picker.below(count)] as number;
    let lowest = Infinity;
    for (let index = 0; index < count; index += 1) {
      const cost = costs[index] as number;
      const weight = 1 / (cost !== 0 && !Number.isNaN(cost) ? cost : average);
      weights[index] = weight;
      if (weight < lowest) lowest = weight;
    }
    if (this.allowNegativeCost && lowest <= 0) {
      for (let index = 0; index < count; index += 1) weights[index] = (weights[index] as number) - lowest + 0.1;
    }
    return list[start + weightedIndex(world.rng.picker, weights, count)] as number;
  }
}

export const WEIGHTED: PickerRegistration = {
  name: "weighted",
  options: ["cost", "allowNegativeCost"],
  summary: "random with weight 1 / cost (missing costs take the mean)",
  compile(spec, path, env) {
    const cost = resolveCost(spec.cost, `${path}.cost`);
    const allowNegative =
      spec.allowNegativeCost === undefined ? false : checkBoolean(LBSIM_ERROR_CODES.pickerOptionInvalid, `${path}.allowNegativeCost`, spec.allowNegativeCost);
    return { needs: cost.needs, build: () => new WeightedPicker(cost, allowNegative, env.channelsPerClient) };
  },
};
