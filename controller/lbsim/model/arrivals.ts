/**
 * When requests arrive: the notebook draws round(rate * servers * ticks) requests and gives each a
 * uniformly random tick (so arrivals per tick vary, as real traffic does). With load steps, a
 * tick's chance is proportional to its step's multiplier and the count follows the mean rate.
 */
import type { SimSettings } from "../config/config-types.js";
import type { RandomStream } from "../random/rng.js";

/** Python's round(): halves go to the even neighbour. */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction !== 0.5) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Each tick's rate multiplier from the load steps (the last step at or before the tick). */
export function tickMultipliers(settings: Pick<SimSettings, "totalTicks" | "loadSteps">): Float64Array {
  const multipliers = new Float64Array(settings.totalTicks);
  const steps = [...settings.loadSteps].sort((a, b) => a.fromTick - b.fromTick);
  let stepIndex = -1;
  for (let tick = 0; tick < settings.totalTicks; tick += 1) {
    while (stepIndex + 1 < steps.length && (steps[stepIndex + 1]?.fromTick ?? Infinity) <= tick) stepIndex += 1;
    multipliers[tick] = stepIndex < 0 ? 0 : (steps[stepIndex]?.multiplier ?? 0);
  }
  return multipliers;
}

/** The number of requests arriving on each tick of the arrival window. */
export function arrivalCounts(settings: SimSettings, rng: RandomStream): Int32Array {
  const multipliers = tickMultipliers(settings);
  const cumulative = new Float64Array(settings.totalTicks);
  let total = 0;
  let flat = true;
  for (let tick = 0; tick < settings.totalTicks; tick += 1) {
    total += multipliers[tick] as number;
    cumulative[tick] = total;
    if (multipliers[tick] !== multipliers[0]) flat = false;
  }
  const counts = new Int32Array(settings.totalTicks);
  const requests = roundHalfEven(settings.requestsPerServerPerTick * settings.requestRateMultiplier * settings.servers * total);
  if (requests <= 0 || total <= 0) return counts;
  for (let index = 0; index < requests; index += 1) {
    let tick: number;
    if (flat) tick = rng.below(settings.totalTicks);
    else {
      const target = rng.uniform() * total;
      let low = 0;
      let high = settings.totalTicks - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((cumulative[middle] as number) > target) high = middle;
        else low = middle + 1;
      }
      tick = low;
    }
    counts[tick] = (counts[tick] as number) + 1;
  }
  return counts;
}
