/**
 * Collects a power stream's readings and failed reads between two batches. Consecutive failures
 * with the same code merge into one gap; a gap still open when a batch is taken continues as the
 * first gap of the next batch.
 */
import type { TestbenchError } from "../../common/errors.js";
import type { PowerGap, PowerReading, PowerSampleBatch } from "../../common/wire/types.js";
import type { MeterReading } from "../drivers/power/meter.js";

interface OpenGap {
  fromUnixNs: bigint;
  toUnixNs: bigint;
  failedReads: number;
  code: string;
  message: string;
}

export class PowerBatcher {
  private samples: PowerReading[] = [];
  private gaps: OpenGap[] = [];
  /** The gap the last read extended (undefined after a good read). */
  private openGap: OpenGap | undefined;

  constructor(private readonly streamId: string) {}

  get sampleCount(): number {
    return this.samples.length;
  }

  addReadings(readings: readonly MeterReading[], atUnixNs: bigint): void {
    this.openGap = undefined;
    for (const reading of readings) this.samples.push(Object.freeze({ atUnixNs, channel: reading.channel, powerW: reading.powerW }));
  }

  addFailure(error: TestbenchError, atUnixNs: bigint): void {
    const gap = this.openGap;
    if (gap !== undefined && gap.code === error.code) {
      gap.toUnixNs = atUnixNs;
      gap.failedReads++;
      gap.message = error.message;
      return;
    }
    this.openGap = { fromUnixNs: atUnixNs, toUnixNs: atUnixNs, failedReads: 1, code: error.code, message: error.message };
    this.gaps.push(this.openGap);
  }

  /** The batch so far (undefined when empty); `late`/`dropped` are the stream's totals. */
  take(lateSamples: number, droppedSamples: number): PowerSampleBatch | undefined {
    if (this.samples.length === 0 && this.gaps.length === 0) return undefined;
    const gaps: readonly PowerGap[] = this.gaps.map((gap) => Object.freeze({ ...gap }));
    const batch: PowerSampleBatch = Object.freeze({ streamId: this.streamId, samples: this.samples, gaps, lateSamples, droppedSamples });
    this.samples = [];
    this.gaps = [];
    this.openGap = undefined;
    return batch;
  }
}
