import { describe, expect, it } from "vitest";
import { analyzeRun, epochBands, powerBands, powerDevices, spreadOf, sweepTable } from "../../../../../controller/analysis/failover/index.js";
import { syntheticRun } from "./support/synthetic-run.js";

const meter = (baseW: number) => [{ device: "fpga12/0", baseW, stepW: 0.2, sampleEveryS: 0.25 }];
// Three replications at one sweep value: the trigger lands at different times after t0, the outages differ.
const replications = [
  analyzeRun(syntheticRun({ triggerAtS: 1.2, outageS: 0.3, power: meter(24.6) })),
  analyzeRun(syntheticRun({ triggerAtS: 1.23, outageS: 0.1, power: meter(24.7) })),
  analyzeRun(syntheticRun({ triggerAtS: 1.27, outageS: 0.5, power: meter(24.8) })),
];

describe("bands across replications", () => {
  it("lines replications up on their triggers and takes min, median, mean and max per epoch", () => {
    const bands = epochBands(replications, "lossPercent");
    expect(bands).toMatchObject({ anchor: "trigger", epochS: 0.1, replications: 3 });
    const before = bands.points.find((point) => point.index === -5);
    expect(before?.spread).toEqual({ n: 3, min: 0, median: 0, mean: 0, max: 0 });
    const peaks = replications.map((analysis) => analysis.recovery.peak?.lossPercent ?? 0);
    const worst = bands.points.reduce((top, point) => (point.spread.max > top ? point.spread.max : top), 0);
    expect(worst).toBeCloseTo(Math.max(...peaks), 9);
    expect(bands.points.every((point) => point.spread.min <= point.spread.median && point.spread.median <= point.spread.max)).toBe(true);
    expect(bands.points.find((point) => point.index === 2)?.offsetS).toBeCloseTo(0.2, 12);
  });

  it("leaves out replications without a figure in an epoch (an outage) instead of reading them as 0", () => {
    const bands = epochBands(replications, "lossPercent");
    // Epoch 1 is an outage in the 0.3 s and 0.5 s runs; only the 0.1 s run has a loss figure there.
    expect(bands.points.find((point) => point.index === 1)?.spread.n).toBe(1);
  });

  it("bands power per device with the mean (the notebook's plot_powers)", () => {
    expect(powerDevices(replications)).toEqual(["fpga12/0"]);
    const power = powerBands(replications, "fpga12/0");
    expect(power.epochS).toBe(1);
    const after = power.points.find((point) => point.index === 0);
    expect(after?.spread.min).toBeCloseTo(24.8, 9);
    expect(after?.spread.mean).toBeCloseTo(24.9, 9);
    expect(after?.spread.max).toBeCloseTo(25, 9);
  });

  it("refuses replications on different grids", () => {
    const other = analyzeRun(syntheticRun({ triggerAtS: 1.2, outageS: 0.3 }), { epochS: 0.05 });
    expect(() => epochBands([replications[0] as never, other], "lossPercent")).toThrow("replications must share the epoch length and anchor to form bands; got 0.1 s anchored at the trigger and 0.05 s anchored at the trigger");
    expect(() => epochBands([], "lossPercent")).toThrow("bands need at least one replication");
  });
});

describe("sweepTable", () => {
  it("summarises recovery and packets lost per sweep value, in order of appearance", () => {
    const slow = analyzeRun(syntheticRun({ triggerAtS: 2.5, outageS: 1 }));
    const rows = sweepTable([
      { sweepValue: "20 ms", analysis: replications[0] as never },
      { sweepValue: "1 ms", analysis: replications[1] as never },
      { sweepValue: "20 ms", analysis: replications[2] as never },
      { sweepValue: "20 ms", analysis: slow },
    ]);
    expect(rows.map((row) => [row.sweepValue, row.replications, row.recovered])).toEqual([["20 ms", 3, 2], ["1 ms", 1, 1]]);
    const [twenty, one] = rows;
    expect(twenty?.recoveryS?.n).toBe(2);
    expect(twenty?.lostPackets).toEqual(spreadOf([replications[0]?.totals.lostPackets ?? null, replications[2]?.totals.lostPackets ?? null, slow.totals.lostPackets]));
    expect(one?.lostPackets).toMatchObject({ n: 1, min: 400, max: 400 });
    expect(one?.retransmitsAfterTrigger).toBeNull();
  });
});

describe("spreadOf", () => {
  it("takes the median of an even count as the mean of the middle two and ignores nulls", () => {
    expect(spreadOf([4, null, 1, 3, 2])).toEqual({ n: 4, min: 1, median: 2.5, mean: 2.5, max: 4 });
    expect(spreadOf([null])).toBeNull();
  });
});
