/**
 * Power streams: StreamStart{kind: power, source: <meter name>, arguments: {interval_ms?, batch_ms?}}.
 * The meter is opened first (a missing path or binary fails the start with its code); then the
 * poller reads it on its grid and the readings go out in PowerSampleBatch messages every batch
 * interval. Failed reads become gaps; the stream ends only when stopped.
 */
import type { Clock } from "../../common/clock.js";
import { TestbenchError } from "../../common/errors.js";
import type { StreamStart } from "../../common/wire/types.js";
import type { WallClockNs } from "../../common/wire/wall-clock-ns.js";
import { isFileMeter, type MeterConfig } from "../config/meter-config.js";
import { createMeter } from "../drivers/power/create-meter.js";
import { MIN_INTERVAL_S, type PowerMeter } from "../drivers/power/meter.js";
import { PowerBatcher } from "./power-batcher.js";
import { runPoller, type PollerCounts } from "./power-poller.js";
import { StreamArguments } from "./stream-arguments.js";
import { StreamErrorCode, rejectUnknownArguments } from "./stream-errors.js";
import type { EmitSample, RunningStream, StreamOutcome, StreamStarter } from "./stream-source.js";

/** A batch goes out early once it holds this many readings. */
export const MAX_BATCH_SAMPLES = 2000;

export const POWER_ARGUMENTS = Object.freeze(["interval_ms", "batch_ms"]);

export interface PowerStreamDependencies {
  readonly meters: ReadonlyMap<string, MeterConfig>;
  readonly clock: Clock;
  readonly wallClockNs: WallClockNs;
  /** Tests replace the meter factory. */
  readonly createMeter?: (config: MeterConfig, clock: Clock) => PowerMeter;
}

export class PowerStreamStarter implements StreamStarter {
  constructor(private readonly dependencies: PowerStreamDependencies) {}

  async start(request: StreamStart, emit: EmitSample, signal: AbortSignal): Promise<RunningStream> {
    const { meters, clock } = this.dependencies;
    const config = meters.get(request.source);
    if (config === undefined) {
      const known = [...meters.keys()].join(", ") || "none";
      throw new TestbenchError(StreamErrorCode.meterUnknown, `this agent has no meter ${JSON.stringify(request.source)} (its meters: ${known})`, {
        context: { meter: request.source, streamId: request.streamId },
      });
    }
    rejectUnknownArguments(`power stream ${request.streamId}`, request.arguments, POWER_ARGUMENTS, { streamId: request.streamId });
    const args = new StreamArguments(`power stream ${request.streamId}`, request.arguments);
    const minimumMs = (isFileMeter(config.kind) ? MIN_INTERVAL_S.file : MIN_INTERVAL_S.command) * 1000;
    const intervalMs = args.number("interval_ms", { min: minimumMs, max: 3_600_000, unit: "ms" }, Math.max(minimumMs, config.intervalMs));
    const batchMs = args.number("batch_ms", { min: 1, max: 60_000, unit: "ms" }, Math.max(100, intervalMs));
    const meter = (this.dependencies.createMeter ?? createMeter)(config, clock);
    signal.throwIfAborted();
    await meter.open(signal);
    return this.run(request.streamId, meter, intervalMs / 1000, batchMs / 1000, emit, signal);
  }

  private run(streamId: string, meter: PowerMeter, intervalS: number, batchS: number, emit: EmitSample, startSignal: AbortSignal): RunningStream {
    const { clock, wallClockNs } = this.dependencies;
    const stopper = new AbortController();
    const signal = AbortSignal.any([startSignal, stopper.signal]);
    const counts: PollerCounts = { samples: 0, lateSamples: 0, droppedSamples: 0, failedReads: 0 };
    const batcher = new PowerBatcher(streamId);
    const flush = (): void => {
      const batch = batcher.take(counts.lateSamples, counts.droppedSamples);
      if (batch !== undefined) emit({ kind: "powerSampleBatch", value: batch });
    };
    const polling = runPoller(
      {
        meter,
        intervalS,
        clock,
        wallClockNs,
        signal,
        onReadings: (readings, atUnixNs) => {
          batcher.addReadings(readings, atUnixNs);
          if (batcher.sampleCount >= MAX_BATCH_SAMPLES) flush();
        },
        onFailure: (error, atUnixNs) => batcher.addFailure(error, atUnixNs),
      },
      counts,
    );
    const batching = (async () => {
      while (!signal.aborted) {
        await clock.sleep(batchS, signal).catch(() => undefined);
        flush();
      }
    })();
    const ended = Promise.all([polling, batching]).then(
      async (): Promise<StreamOutcome> => {
        flush();
        await meter.close?.();
        return { reason: "stopped", power: Object.freeze({ ...counts }) };
      },
      async (error: unknown): Promise<StreamOutcome> => {
        await meter.close?.();
        const cause = error instanceof TestbenchError ? error : new TestbenchError("AGENT_INTERNAL", `power stream ${streamId} broke: ${String(error)}`, { cause: error });
        return { reason: "failed", error: cause, power: Object.freeze({ ...counts }) };
      },
    );
    return { ended, stop: () => stopper.abort() };
  }
}
