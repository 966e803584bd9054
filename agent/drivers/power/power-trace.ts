/**
 * The simulated meter's trace: piecewise-constant levels that step at given times (seconds since
 * the stream started), optionally ramping linearly over `rampS` after each step, plus seeded
 * Gaussian noise, and outage windows in which reads fail (to show gaps).
 */
import { createSplitMix64, type Rng } from "../../../common/devices/rng.js";

export interface PowerLevel {
  /** From this time on (seconds since the stream started) the level is `powerW`. */
  readonly atS: number;
  readonly powerW: number;
}

export interface PowerOutage {
  readonly fromS: number;
  readonly toS: number;
}

export interface PowerTrace {
  /** Sorted by atS; before the first one, the first level holds. */
  readonly levels: readonly PowerLevel[];
  /** Linear transition time after each step, seconds (0: a sharp step). */
  readonly rampS: number;
  /** Standard deviation of the noise added to each read, watts (0: none). */
  readonly noiseW: number;
  readonly seed: number;
  readonly outages: readonly PowerOutage[];
}

/** The noiseless level at `elapsedS`. */
export function traceLevelW(trace: PowerTrace, elapsedS: number): number {
  const { levels, rampS } = trace;
  const first = levels[0];
  if (first === undefined) return 0;
  let previousW = first.powerW;
  let levelW = first.powerW;
  for (let index = 1; index < levels.length; index++) {
    const step = levels[index]!;
    if (elapsedS < step.atS) break;
    previousW = levelW;
    levelW = step.powerW;
    const intoRampS = elapsedS - step.atS;
    if (rampS > 0 && intoRampS < rampS) return previousW + ((levelW - previousW) * intoRampS) / rampS;
  }
  return levelW;
}

export function inOutage(trace: PowerTrace, elapsedS: number): PowerOutage | undefined {
  return trace.outages.find((outage) => elapsedS >= outage.fromS && elapsedS < outage.toS);
}

/** Draws of one stream: the level plus noise, never below 0. */
export class TraceSampler {
  private readonly rng: Rng;

  constructor(private readonly trace: PowerTrace) {
    this.rng = createSplitMix64(trace.seed);
  }

  powerW(elapsedS: number): number {
    const noise = this.trace.noiseW > 0 ? this.rng.normal() * this.trace.noiseW : 0;
    return Math.max(0, traceLevelW(this.trace, elapsedS) + noise);
  }
}
