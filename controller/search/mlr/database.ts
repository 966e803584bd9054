/**
 * Every trial result so far, grouped by load, with a TargetStat per target.
 * All goals share it: each trial informs every target.
 */
import type { TrialResult } from "../measurer.js";
import { lossRatio } from "../measurer.js";
import type { DiscreteLoad } from "./discrete.js";
import type { TargetSpec } from "./target.js";
import { TargetStat } from "./target-stat.js";

export interface LoadStats {
  readonly load: DiscreteLoad;
  readonly stats: ReadonlyMap<TargetSpec, TargetStat>;
}

/** A measured load with its stat for one target. */
export interface BoundStat {
  readonly load: DiscreteLoad;
  readonly stat: TargetStat;
}

export interface RelevantBounds {
  readonly clo: BoundStat | null;
  readonly chi: BoundStat | null;
}

export class MeasurementDatabase {
  /** Ascending by load. */
  private loads: LoadStats[] = [];

  constructor(private readonly targets: readonly TargetSpec[]) {
    if (targets.length === 0) throw new Error("the measurement database needs targets");
  }

  add(load: DiscreteLoad, result: TrialResult): void {
    if (!load.isRound) throw new Error(`not a round load: ${load}`);
    if (result.loadPps !== load.floatLoad) throw new Error(`result load ${result.loadPps} does not match the requested ${load.floatLoad}`);
    let entry = this.loads.find((candidate) => candidate.load.floatLoad === load.floatLoad);
    if (!entry) {
      entry = { load: load.roundedDown(), stats: new Map(this.targets.map((target) => [target, new TargetStat(target)])) };
      this.loads.push(entry);
      this.loads.sort((a, b) => a.load.floatLoad - b.load.floatLoad);
    }
    const input = { intendedDurationS: result.durationS, durationWithOverheadsS: result.durationWithOverheadsS, lossRatio: lossRatio(result) };
    for (const stat of entry.stats.values()) stat.add(input);
  }

  /**
   * Relevant bounds for a target: walk loads upwards skipping undecided ones; the first
   * upper bound is the RUB, and the last lower bound below it is the RLB. Lower bounds
   * above the RUB are ignored, which keeps the result conservative under loss inversion.
   */
  relevantBounds(target: TargetSpec): RelevantBounds {
    let clo: BoundStat | null = null;
    let chi: BoundStat | null = null;
    for (const entry of this.loads) {
      const stat = entry.stats.get(target);
      if (!stat) throw new Error("unknown target");
      const [optimistic, pessimistic] = stat.estimates();
      if (optimistic !== pessimistic) continue;
      if (!optimistic) {
        chi = { load: entry.load, stat };
        break;
      }
      clo = { load: entry.load, stat };
    }
    return { clo, chi };
  }

  get distinctLoads(): number {
    return this.loads.length;
  }
}
