import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../common/clock.js";
import { TestbenchError } from "../../../../common/errors.js";
import { createWallClockNs } from "../../../../common/wire/wall-clock-ns.js";
import type { MeterReading, PowerMeter } from "../../../../agent/drivers/power/meter.js";
import { PowerBatcher } from "../../../../agent/streams/power-batcher.js";
import { runPoller, type PollerCounts } from "../../../../agent/streams/power-poller.js";

/** A meter whose reads take scripted times on a virtual clock and may fail. */
function scriptedMeter(clock: VirtualClock, script: ReadonlyArray<{ takesS: number; fails?: string }>, stop: AbortController): PowerMeter & { reads: number } {
  const meter = {
    name: "scripted",
    reads: 0,
    open: () => Promise.resolve(),
    read: (): Promise<readonly MeterReading[]> => {
      const step = script[meter.reads++];
      if (step === undefined) {
        stop.abort();
        return Promise.resolve([]);
      }
      clock.advance(step.takesS);
      if (step.fails !== undefined) return Promise.reject(new TestbenchError(step.fails, `read ${meter.reads} failed`));
      return Promise.resolve([{ channel: "c", powerW: meter.reads }]);
    },
  };
  return meter;
}

async function poll(script: ReadonlyArray<{ takesS: number; fails?: string }>, clock = new VirtualClock(0, 1_700_000_000_000)) {
  const stop = new AbortController();
  const meter = scriptedMeter(clock, script, stop);
  const batcher = new PowerBatcher("p1");
  const readAtS: number[] = [];
  const counts: PollerCounts = { samples: 0, lateSamples: 0, droppedSamples: 0, failedReads: 0 };
  await runPoller(
    {
      meter,
      intervalS: 0.01,
      clock,
      wallClockNs: createWallClockNs(clock),
      signal: stop.signal,
      onReadings: (readings, atUnixNs) => {
        readAtS.push(clock.monotonicS());
        batcher.addReadings(readings, atUnixNs);
      },
      onFailure: (error, atUnixNs) => batcher.addFailure(error, atUnixNs),
    },
    counts,
  );
  return { counts, batch: batcher.take(counts.lateSamples, counts.droppedSamples), readAtS };
}

describe("runPoller", () => {
  it("reads on the grid and stamps each reading at the middle of its read, on the agent's wall clock", async () => {
    const { counts, batch } = await poll([{ takesS: 0.002 }, { takesS: 0.002 }, { takesS: 0.002 }]);
    expect(counts).toEqual({ samples: 3, lateSamples: 0, droppedSamples: 0, failedReads: 0 });
    expect(batch?.samples.map((sample) => sample.atUnixNs)).toEqual([1_700_000_000_001_000_000n, 1_700_000_000_011_000_000n, 1_700_000_000_021_000_000n]);
  });

  it("counts slots that pass during a slow read as dropped", async () => {
    const { counts } = await poll([{ takesS: 0.001 }, { takesS: 0.035 }, { takesS: 0.001 }]);
    // read 2 starts at 0.01 and ends at 0.045: slots 0.02, 0.03 and 0.04 pass
    expect(counts.droppedSamples).toBe(3);
    expect(counts.samples).toBe(3);
  });

  it("counts a read that starts more than half an interval after its slot as late", async () => {
    const clock = new VirtualClock(0, 0);
    const sleep = clock.sleep.bind(clock);
    let sleeps = 0;
    clock.sleep = (durationS: number, signal?: AbortSignal) => sleep(durationS + (++sleeps === 2 ? 0.007 : 0), signal);
    const { counts } = await poll([{ takesS: 0.001 }, { takesS: 0.001 }, { takesS: 0.001 }], clock);
    expect(counts.lateSamples).toBe(1);
  });

  it("keeps polling through failed reads and merges them into one gap per code", async () => {
    const { counts, batch } = await poll([{ takesS: 0.001 }, { takesS: 0.001, fails: "METER_READ_FAILED" }, { takesS: 0.001, fails: "METER_READ_FAILED" }, { takesS: 0.001, fails: "METER_TIMEOUT" }, { takesS: 0.001 }]);
    expect(counts).toMatchObject({ samples: 2, failedReads: 3 });
    expect(batch?.gaps).toEqual([
      expect.objectContaining({ failedReads: 2, code: "METER_READ_FAILED", message: "read 3 failed" }),
      expect.objectContaining({ failedReads: 1, code: "METER_TIMEOUT" }),
    ]);
    expect(batch?.samples.map((sample) => sample.powerW)).toEqual([1, 5]);
  });
});

describe("PowerBatcher", () => {
  it("continues an open gap as a new segment in the next batch, and returns nothing when empty", () => {
    const batcher = new PowerBatcher("p1");
    const error = new TestbenchError("METER_READ_FAILED", "gone");
    batcher.addFailure(error, 10n);
    batcher.addFailure(error, 20n);
    expect(batcher.take(0, 0)?.gaps).toEqual([{ fromUnixNs: 10n, toUnixNs: 20n, failedReads: 2, code: "METER_READ_FAILED", message: "gone" }]);
    expect(batcher.take(0, 0)).toBeUndefined();
    batcher.addFailure(error, 30n);
    expect(batcher.take(1, 2)).toMatchObject({ streamId: "p1", gaps: [{ fromUnixNs: 30n, toUnixNs: 30n }], lateSamples: 1, droppedSamples: 2 });
  });
});
