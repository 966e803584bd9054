/**
 * Power from a cumulative energy counter (RAPL energy_uj, hwmon energy*_input): the energy between
 * two reads over the time between them. A counter that wraps at `maxRangeUj` (RAPL's
 * max_energy_range_uj) is unwrapped; a counter that goes backwards without a known range was reset,
 * so the next read starts a new baseline.
 */
export class EnergyCounter {
  private previous: { energyUj: number; atS: number } | undefined;

  constructor(private readonly maxRangeUj?: number) {}

  /** Record a read; the mean power since the previous one, or undefined for a baseline. */
  update(energyUj: number, atS: number): number | undefined {
    const previous = this.previous;
    this.previous = { energyUj, atS };
    if (previous === undefined) return undefined;
    const elapsedS = atS - previous.atS;
    if (!(elapsedS > 0)) return undefined;
    let deltaUj = energyUj - previous.energyUj;
    if (deltaUj < 0) {
      if (this.maxRangeUj === undefined) return undefined;
      deltaUj += this.maxRangeUj;
    }
    return deltaUj / 1e6 / elapsedS;
  }
}
