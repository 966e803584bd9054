/**
 * Power per device per epoch: the mean of the samples taken in the epoch. Gaps (failed readings)
 * are left out, never read as 0 W; an epoch with no sample has no value. Power epochs are longer
 * than loss epochs by default (1 s): meters answer a few times a second at best.
 */
import { epochIndexAt, epochStartNs, gridCovering, type EpochGrid } from "./epoch-grid.js";
import type { PowerStream } from "./model.js";

export interface PowerEpoch {
  readonly index: number;
  readonly startNs: number;
  readonly endNs: number;
  readonly meanPowerW: number | null;
  readonly samples: number;
  readonly gaps: number;
}

export interface DevicePower {
  readonly device: string;
  readonly epochs: readonly PowerEpoch[];
  readonly samples: number;
  readonly gaps: number;
}

/** Every device's epochs on a grid of `epochNs` anchored at `anchorNs`, covering its own samples and gaps. */
export function powerPerEpoch(streams: readonly PowerStream[], anchorNs: number, epochNs: number): DevicePower[] {
  return streams.map((stream) => {
    const times = [...stream.samples.map((sample) => sample.atNs), ...stream.gaps.map((gap) => gap.atNs)];
    if (times.length === 0) return { device: stream.device, epochs: [], samples: 0, gaps: 0 };
    const grid: EpochGrid = gridCovering(anchorNs, epochNs, Math.min(...times), Math.max(...times) + 1);
    const sums = new Float64Array(grid.count);
    const counts = new Uint32Array(grid.count);
    const gaps = new Uint32Array(grid.count);
    for (const sample of stream.samples) {
      const slot = epochIndexAt(grid, sample.atNs) - grid.firstIndex;
      sums[slot] = (sums[slot] ?? 0) + sample.powerW;
      counts[slot] = (counts[slot] ?? 0) + 1;
    }
    for (const gap of stream.gaps) {
      const slot = epochIndexAt(grid, gap.atNs) - grid.firstIndex;
      gaps[slot] = (gaps[slot] ?? 0) + 1;
    }
    const epochs = Array.from({ length: grid.count }, (_, slot): PowerEpoch => {
      const index = grid.firstIndex + slot;
      const count = counts[slot] ?? 0;
      return { index, startNs: epochStartNs(grid, index), endNs: epochStartNs(grid, index + 1), meanPowerW: count > 0 ? (sums[slot] ?? 0) / count : null, samples: count, gaps: gaps[slot] ?? 0 };
    });
    return { device: stream.device, epochs, samples: stream.samples.length, gaps: stream.gaps.length };
  });
}
