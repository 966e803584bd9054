/**
 * Polls a meter on a fixed grid: slot k is at start + k * interval (monotonic clock). A read that
 * starts more than half an interval after its slot is late; slots that pass while a read (or the
 * event loop) is busy are dropped. Readings are stamped on the agent's wall clock at the middle of
 * the read. A failed read is reported and polling goes on: a meter failing mid-stream is a gap.
 */
import type { Clock } from "../../common/clock.js";
import { TestbenchError, isTestbenchError } from "../../common/errors.js";
import type { WallClockNs } from "../../common/wire/wall-clock-ns.js";
import type { MeterReading, PowerMeter } from "../drivers/power/meter.js";
import { MeterErrorCode, meterError } from "../drivers/power/meter-errors.js";

export interface PollerCounts {
  samples: number;
  lateSamples: number;
  droppedSamples: number;
  failedReads: number;
}

export interface PollerOptions {
  readonly meter: PowerMeter;
  readonly intervalS: number;
  readonly clock: Clock;
  readonly wallClockNs: WallClockNs;
  /** Polling ends when it aborts. */
  readonly signal: AbortSignal;
  readonly onReadings: (readings: readonly MeterReading[], atUnixNs: bigint) => void;
  readonly onFailure: (error: TestbenchError, atUnixNs: bigint) => void;
}

function asMeterError(meter: string, error: unknown): TestbenchError {
  if (isTestbenchError(error)) return error;
  return meterError(MeterErrorCode.readFailed, meter, error instanceof Error ? error.message : String(error), { cause: error });
}

/** Poll until the signal aborts; returns the counts (also updated live in `counts`). */
export async function runPoller(options: PollerOptions, counts: PollerCounts): Promise<PollerCounts> {
  const { meter, intervalS, clock, wallClockNs, signal } = options;
  const originS = clock.monotonicS();
  let slot = 0;
  while (!signal.aborted) {
    const slotS = originS + slot * intervalS;
    const waitS = slotS - clock.monotonicS();
    if (waitS > 0) {
      try {
        await clock.sleep(waitS, signal);
      } catch {
        break;
      }
    }
    if (clock.monotonicS() - slotS > intervalS / 2) counts.lateSamples++;
    const beforeNs = wallClockNs();
    try {
      const readings = await meter.read(signal);
      if (signal.aborted) break;
      const atUnixNs = (beforeNs + wallClockNs()) / 2n;
      counts.samples += readings.length;
      options.onReadings(readings, atUnixNs);
    } catch (error) {
      if (signal.aborted) break;
      counts.failedReads++;
      options.onFailure(asMeterError(meter.name, error), (beforeNs + wallClockNs()) / 2n);
    }
    const nextSlot = Math.max(slot + 1, Math.ceil((clock.monotonicS() - originS) / intervalS - 1e-9));
    counts.droppedSamples += nextSlot - slot - 1;
    slot = nextSlot;
  }
  return counts;
}
