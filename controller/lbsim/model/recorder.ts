/**
 * The raw data a run's metrics come from: the latency of every measured request (completed after
 * the warm-up, or censored at the end), and every server's utilization on every RUNNING tick.
 * `sampleEveryTicks` keeps only ticks divisible by it (the notebook recorded every 30th tick).
 */
import { FloatList } from "./typed-lists.js";

export class Recorder {
  readonly latencyTicks = new FloatList(1 << 14);
  readonly utilizationPct = new FloatList(1 << 12);
  /** Per server: utilization samples, running mean and sum of squared deviations (Welford). */
  readonly serverSamples: Int32Array;
  readonly serverMean: Float64Array;
  readonly serverSquares: Float64Array;
  censoredCount = 0;
  requestCount = 0;
  probeCount = 0;

  constructor(
    servers: number,
    private readonly sampleEveryTicks: number,
  ) {
    this.serverSamples = new Int32Array(servers);
    this.serverMean = new Float64Array(servers);
    this.serverSquares = new Float64Array(servers);
  }

  sampled(tick: number): boolean {
    return tick % this.sampleEveryTicks === 0;
  }

  /** A request completed on `tick` after the warm-up. */
  recordLatency(tick: number, latencyTicks: number): void {
    if (tick % this.sampleEveryTicks === 0) this.latencyTicks.push(latencyTicks);
  }

  /** A request still unfinished when the run ends: its latency so far, a lower bound. */
  recordCensored(latencyTicks: number): void {
    this.latencyTicks.push(latencyTicks);
    this.censoredCount += 1;
  }

  /** One server's utilization on a RUNNING tick. */
  recordUtilization(tick: number, server: number, utilizationPct: number): void {
    if (tick % this.sampleEveryTicks !== 0) return;
    this.utilizationPct.push(utilizationPct);
    const samples = (this.serverSamples[server] as number) + 1;
    const mean = this.serverMean[server] as number;
    const delta = utilizationPct - mean;
    const nextMean = mean + delta / samples;
    this.serverSamples[server] = samples;
    this.serverMean[server] = nextMean;
    this.serverSquares[server] = (this.serverSquares[server] as number) + delta * (utilizationPct - nextMean);
  }

  /** Each server's sample standard deviation of utilization (n - 1), for servers with >= 2 samples. */
  perServerStdevPct(): number[] {
    const stdevs: number[] = [];
    for (let server = 0; server < this.serverSamples.length; server += 1) {
      const samples = this.serverSamples[server] as number;
      if (samples >= 2) stdevs.push(Math.sqrt((this.serverSquares[server] as number) / (samples - 1)));
    }
    return stdevs;
  }
}
