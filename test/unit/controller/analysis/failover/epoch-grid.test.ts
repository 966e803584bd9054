import { describe, expect, it } from "vitest";
import { accumulate, epochIndexAt, epochShares, gridCovering } from "../../../../../controller/analysis/failover/epoch-grid.js";

const MS = 1e6;

describe("epoch grid", () => {
  const grid = gridCovering(1000 * MS, 100 * MS, 850 * MS, 1330 * MS);

  it("covers the data with whole epochs counted from the anchor", () => {
    expect(grid).toEqual({ anchorNs: 1000 * MS, epochNs: 100 * MS, firstIndex: -2, count: 6 });
    expect(epochIndexAt(grid, 999 * MS)).toBe(-1);
    expect(epochIndexAt(grid, 1000 * MS)).toBe(0);
  });

  it("splits a straddling interval by overlap", () => {
    const shares = epochShares(grid, { startNs: 1050 * MS, endNs: 1150 * MS }, "proportional");
    expect(shares).toEqual([[0, 0.5], [1, 0.5]]);
    expect(epochShares(grid, { startNs: 1000 * MS, endNs: 1100 * MS }, "proportional")).toEqual([[0, 1]]);
  });

  it("gives the whole interval to the epoch holding its end under interval-end (the notebook's ceil)", () => {
    expect(epochShares(grid, { startNs: 1050 * MS, endNs: 1150 * MS }, "interval-end")).toEqual([[1, 1]]);
    // An end exactly on a boundary belongs to the epoch that ends there: ceil(1.1 * 10) / 10 = 1.1.
    expect(epochShares(grid, { startNs: 1000 * MS, endNs: 1100 * MS }, "interval-end")).toEqual([[0, 1]]);
  });

  it("counts a zero-length interval (iperf3's 3.00-3.00) once, where it ends", () => {
    expect(epochShares(grid, { startNs: 1100 * MS, endNs: 1100 * MS }, "proportional")).toEqual([[0, 1]]);
  });

  it("accumulates values and weights per epoch, skipping nulls and epochs off the grid", () => {
    const spans = [
      { startNs: 1050 * MS, endNs: 1150 * MS, lost: 10 },
      { startNs: 1150 * MS, endNs: 1250 * MS, lost: null },
      { startNs: 5000 * MS, endNs: 5100 * MS, lost: 99 },
    ];
    const { sums, weights } = accumulate(grid, spans, "proportional", (span) => span.lost);
    expect([...sums]).toEqual([0, 0, 5, 5, 0, 0]);
    expect([...weights]).toEqual([0, 0, 0.5, 0.5, 0, 0]);
  });
});
