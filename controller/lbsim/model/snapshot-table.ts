/**
 * Server-state snapshots. The notebook attaches the server's whole state to every response, and
 * clients read costs from the state of the latest response on a channel ("reported") or from the
 * server's current state ("cheat"). Here each server writes one row of derived values per tick
 * (and one after a reset), only the columns some cost needs; a response carries the row id.
 * NaN is the notebook's None.
 */
export const COLUMN = Object.freeze({
  rifLatest: 0,
  expectedLatency: 1,
  utilizationLatest: 2,
  utilizationMean: 3,
  utilizationEwma: 4,
  queriesLatest: 5,
  queriesMean: 6,
  queriesEwma: 7,
  latencyLatest: 8,
  latencyMean: 9,
  latencyEwma: 10,
  queuedLatest: 11,
  pidWeight: 12,
});
export const COLUMN_COUNT = 13;

/** The bit of a column in a `needs` mask. */
export function columnBit(column: number): number {
  return 1 << column;
}

export class SnapshotTable {
  private values: Float64Array;
  rows = 0;

  constructor(initialRows: number) {
    this.values = new Float64Array(Math.max(16, initialRows) * COLUMN_COUNT);
  }

  /** A new row, every column NaN. */
  append(): number {
    if ((this.rows + 1) * COLUMN_COUNT > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    const row = this.rows++;
    this.values.fill(Number.NaN, row * COLUMN_COUNT, (row + 1) * COLUMN_COUNT);
    return row;
  }

  set(row: number, column: number, value: number): void {
    this.values[row * COLUMN_COUNT + column] = value;
  }

  /** The value, NaN for row -1 (no state known). */
  get(row: number, column: number): number {
    return row < 0 ? Number.NaN : (this.values[row * COLUMN_COUNT + column] as number);
  }
}
