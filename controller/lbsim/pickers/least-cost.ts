/**
 * The notebook's LeastCost: the candidate of least max(0, cost) (no data counts as 0), ties broken
 * uniformly at random; with `choices`, among that many candidates sampled without replacement
 * first (power of d choices).
 */
import { checkNumber } from "../config/check.js";
import type { CostFunction } from "../costs/cost.js";
import { resolveCost } from "../costs/registry.js";
import { LBSIM_ERROR_CODES } from "../errors.js";
import type { World } from "../model/world.js";
import { SimplePicker } from "./picker.js";
import type { PickerRegistration } from "./registration.js";
import { sampleDistinct } from "./sampling.js";

class LeastCostPicker extends SimplePicker {
  private readonly scratch: Int32Array;
  private readonly chosen: Int32Array;

  constructor(
    private readonly costFunction: CostFunction,
    private readonly choices: number | null,
    channelsPerClient: number,
  ) {
    super();
    this.scratch = new Int32Array(channelsPerClient);
    this.chosen = new Int32Array(channelsPerClient);
  }

  pick(world: World, _request: number, _client: number, list: Int32Array, start: number, count: number): number {
    const rng = world.rng.picker;
    let ids = list;
    let first = start;
    let n = count;
    if (this.choices !== null) {
      n = Math.min(this.choices, count);
      sampleDistinct(rng, list, start, count, n, this.scratch, this.chosen);
      ids = this.chosen;
      first = 0;
    }
    let best = ids[first] as number;
    let bestCost = Infinity;
    let ties = 0;
    for (let index = first; index < first + n; index += 1) {
      const channel = ids[index] as number;
      const raw = this.costFunction.cost(world, channel);
      const cost = raw > 0 ? raw : 0;
      if (cost < bestCost) {
        best = channel;
        bestCost = cost;
        ties = 1;
      } else if (cost === bestCost) {
        ties += 1;
        if (rng.below(ties) === 0) best = channel;
      }
    }
    return best;
  }
}

export const LEAST_COST: PickerRegistration = {
  name: "leastCost",
  options: ["cost", "choices"],
  summary: "least cost, random among ties; `choices` samples that many candidates first",
  compile(spec, path, env) {
    const cost = resolveCost(spec.cost, `${path}.cost`);
    const choices =
      spec.choices === undefined ? null : checkNumber(LBSIM_ERROR_CODES.pickerOptionInvalid, `${path}.choices`, spec.choices, { integer: true, min: 1 });
    return { needs: cost.needs, build: () => new LeastCostPicker(cost, choices, env.channelsPerClient) };
  },
};
