/**
 * The notebook's Hcl (hot-cold lexicographic, after Prequal): candidates whose health (default:
 * reported server RIF) is at most the healthCutoffPct percentile of the client's health history
 * are "cold"; the cold candidate of least ranking cost (default: reported expected latency) wins,
 * the first in order on ties; with no cold candidate, the least health wins. Missing values take
 * the mean of the present non-zero ones; with none at all the pick is uniform.
 */
import { checkNumber } from "../config/check.js";
import type { CostFunction } from "../costs/cost.js";
import { resolveCost } from "../costs/registry.js";
import { LBSIM_ERROR_CODES } from "../errors.js";
import type { World } from "../model/world.js";
import { HealthHistory } from "./health-history.js";
import { SimplePicker, mergeNeeds } from "./picker.js";
import type { PickerRegistration } from "./registration.js";

/** The notebook's Hcl.average: the mean of the values that are neither missing nor 0; NaN if none. */
function meanOfPresent(values: Float64Array, count: number): number {
  let sum = 0;
  let known = 0;
  for (let index = 0; index < count; index += 1) {
    const value = values[index] as number;
    if (value !== 0 && !Number.isNaN(value)) {
      sum += value;
      known += 1;
    }
  }
  return known === 0 ? Number.NaN : sum / known;
}

class HclPicker extends SimplePicker {
  private readonly healths: Float64Array;
  private readonly ranks: Float64Array;

  constructor(
    private readonly ranking: CostFunction,
    private readonly health: CostFunction,
    private readonly cutoffFraction: number,
    private readonly history: HealthHistory,
    channelsPerClient: number,
  ) {
    super();
    this.healths = new Float64Array(channelsPerClient);
    this.ranks = new Float64Array(channelsPerClient);
  }

  pick(world: World, _request: number, client: number, list: Int32Array, start: number, count: number): number {
    const { healths, ranks } = this;
    for (let index = 0; index < count; index += 1) healths[index] = this.health.cost(world, list[start + index] as number);
    const averageHealth = meanOfPresent(healths, count);
    if (Number.isNaN(averageHealth)) return list[start + world.rng.picker.below(count)] as number;
    for (let index = 0; index < count; index += 1) {
      const health = healths[index] as number;
      if (Number.isNaN(health)) healths[index] = averageHealth;
      else this.history.insert(client, list[start + index] as number, health);
    }
    const cutoff = this.history.cutoff(client, list, start, count, this.cutoffFraction);
    for (let index = 0; index < count; index += 1) ranks[index] = this.ranking.cost(world, list[start + index] as number);
    const averageRank = meanOfPresent(ranks, count);
    if (Number.isNaN(averageRank)) return list[start + world.rng.picker.below(count)] as number;
    let best = -1;
    let healthiest = 0;
    for (let index = 0; index < count; index += 1) {
      const health = healths[index] as number;
      if (health < (healths[healthiest] as number)) healthiest = index;
      if (!(health <= cutoff)) continue;
      const rank = Number.isNaN(ranks[index] as number) ? averageRank : (ranks[index] as number);
      const bestRank = best < 0 ? Infinity : Number.isNaN(ranks[best] as number) ? averageRank : (ranks[best] as number);
      if (rank < bestRank) best = index;
    }
    return list[start + (best >= 0 ? best : healthiest)] as number;
  }
}

export const HCL: PickerRegistration = {
  name: "hcl",
  options: ["ranking", "health", "healthCutoffPct"],
  summary: "hot-cold lexicographic: least `ranking` among candidates whose `health` is under the history percentile",
  compile(spec, path, env) {
    const ranking = resolveCost(spec.ranking ?? "serverExpectedLatency", `${path}.ranking`);
    const health = resolveCost(spec.health ?? "serverRif", `${path}.health`);
    const cutoffPct = checkNumber(LBSIM_ERROR_CODES.pickerOptionInvalid, `${path}.healthCutoffPct`, spec.healthCutoffPct ?? 80, { min: 0, max: 100 });
    return {
      needs: mergeNeeds(ranking.needs, health.needs),
      build: (world) => {
        const counted = health.integerValued && !env.narrowed;
        const history = new HealthHistory(world.channels, world.settings.clientRequestsBuffer, counted);
        return new HclPicker(ranking, health, cutoffPct / 100, history, env.channelsPerClient);
      },
    };
  },
};
