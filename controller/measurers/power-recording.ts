/**
 * A measurer that records power around each trial: the run's power streams (started once, when
 * the run starts) feed a PowerRecorder; after every trial the wrapper waits until each stream's
 * readings have passed the trial's end (batches arrive every ~100 ms), then keeps the mean power
 * per device over [start, end] for the store (`powerOf(result)`).
 */
import type { Clock } from "../../common/clock.js";
import type { AgentStream } from "../agents/agent-stream.js";
import { agentToControllerNs } from "../agents/clock-offset.js";
import type { Measurer, TrialRequest, TrialResult } from "../search/measurer.js";
import { meanPowerByDevice, type PowerPoint, type TrialPower } from "./trial-power.js";

/** The parts of an AgentStream the recorder reads. */
export type PowerSourceStream = Pick<AgentStream, "on" | "identity" | "isEnded">;

/** Default wait, after a trial, for readings past its end. */
export const POWER_SETTLE_S = 2;

interface Source {
  readonly stream: PowerSourceStream;
  /** Latest time (controller axis) this source has reported up to: a reading or a gap's end. */
  reachedNs: bigint;
}

export class PowerRecorder {
  private readonly series = new Map<string, PowerPoint[]>();
  private readonly sources: Source[] = [];
  private readonly waiters = new Set<() => void>();

  /** Collect a meter's readings as device `<agent>/<meter>` (or `<agent>/<meter>.<channel>`). */
  attach(agentId: string, meter: string, stream: PowerSourceStream): void {
    const source: Source = { stream, reachedNs: 0n };
    this.sources.push(source);
    const offset = stream.identity.clockOffset;
    const device = (channel: string) => (channel === meter || channel === "" ? `${agentId}/${meter}` : `${agentId}/${meter}.${channel}`);
    this.series.set(device(meter), []);
    stream.on((event) => {
      if (event.type !== "power") return;
      for (const sample of event.batch.samples) {
        const atNs = agentToControllerNs(sample.atUnixNs, offset);
        const points = this.series.get(device(sample.channel)) ?? [];
        this.series.set(device(sample.channel), points);
        points.push({ atNs, powerW: sample.powerW });
        if (atNs > source.reachedNs) source.reachedNs = atNs;
      }
      for (const gap of event.batch.gaps) {
        const toNs = agentToControllerNs(gap.toUnixNs, offset);
        if (toNs > source.reachedNs) source.reachedNs = toNs;
      }
      for (const wake of this.waiters) wake();
    });
  }

  get deviceCount(): number {
    return this.series.size;
  }

  /** Resolves once every source reported past `atNs` (or ended), or after `timeoutS`. */
  async settle(atNs: bigint, clock: Clock, timeoutS: number, signal?: AbortSignal): Promise<void> {
    const done = () => this.sources.every((source) => source.reachedNs >= atNs || source.stream.isEnded);
    if (done()) return;
    const timer = new AbortController();
    const onAbort = () => timer.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    let wake!: () => void;
    const reached = new Promise<void>((resolve) => {
      wake = () => {
        if (done()) resolve();
      };
    });
    this.waiters.add(wake);
    try {
      await Promise.race([reached, clock.sleep(timeoutS, timer.signal).catch(() => undefined)]);
    } finally {
      this.waiters.delete(wake);
      timer.abort();
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** Mean power per device over [fromNs, toNs]; readings before `toNs` are then dropped (trials do not overlap). */
  take(fromNs: bigint, toNs: bigint): TrialPower {
    const power = meanPowerByDevice(this.series, fromNs, toNs);
    for (const [device, points] of this.series) this.series.set(device, points.filter((point) => point.atNs > toNs));
    return power;
  }
}

export interface PowerRecordingOptions {
  readonly clock: Clock;
  readonly settleS?: number;
}

/** Wraps `inner`: each result's power is then `powerOf(result)`. */
export class PowerRecordingMeasurer implements Measurer {
  private readonly power = new WeakMap<TrialResult, TrialPower>();

  constructor(
    private readonly inner: Measurer,
    private readonly recorder: PowerRecorder,
    private readonly options: PowerRecordingOptions,
  ) {}

  async measure(request: TrialRequest, signal?: AbortSignal): Promise<TrialResult> {
    const { clock } = this.options;
    const fromNs = wallNs(clock);
    const result = await this.inner.measure(request, signal);
    const toNs = wallNs(clock);
    await this.recorder.settle(toNs, clock, this.options.settleS ?? POWER_SETTLE_S, signal);
    this.power.set(result, this.recorder.take(fromNs, toNs));
    return result;
  }

  powerOf(result: TrialResult): TrialPower | undefined {
    return this.power.get(result);
  }
}

function wallNs(clock: Clock): bigint {
  return BigInt(Math.round(clock.wallMs() * 1e6));
}
