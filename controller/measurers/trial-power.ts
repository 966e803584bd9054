/**
 * Mean power per device over one trial (docs/power.md "Power per trial"): the readings whose time,
 * on the controller's clock, lies in the trial's [start, end] window, averaged per device.
 */

/** One reading on the controller's time axis. */
export interface PowerPoint {
  readonly atNs: bigint;
  readonly powerW: number;
}

/** What a trial stores in its `power` field, per device (`<agent>/<meter>` or `<agent>/<meter>.<channel>`). */
export interface DevicePower {
  readonly meanPowerW: number;
  /** Readings averaged; 0 when the meter gave none in the window (a gap): meanPowerW is then null. */
  readonly samples: number;
}

export type TrialPower = Readonly<Record<string, DevicePower | { readonly meanPowerW: null; readonly samples: 0 }>>;

/** Mean of the readings in [fromNs, toNs] (both ends included) for each device; devices without readings get null. */
export function meanPowerByDevice(series: ReadonlyMap<string, readonly PowerPoint[]>, fromNs: bigint, toNs: bigint): TrialPower {
  if (toNs < fromNs) throw new RangeError(`trial power window ends (${toNs} ns) before it starts (${fromNs} ns)`);
  const power: Record<string, TrialPower[string]> = {};
  for (const [device, points] of [...series.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let sumW = 0;
    let count = 0;
    for (const point of points) {
      if (point.atNs < fromNs || point.atNs > toNs) continue;
      sumW += point.powerW;
      count++;
    }
    power[device] = count === 0 ? { meanPowerW: null, samples: 0 } : { meanPowerW: sumW / count, samples: count };
  }
  return Object.freeze(power);
}
