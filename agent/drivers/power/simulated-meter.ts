/** A meter that follows a configured trace (docs/power.md): for demos, tests and the embedded testbed. */
import type { Clock } from "../../../common/clock.js";
import type { MeterReading, PowerMeter } from "./meter.js";
import { MeterErrorCode, meterError } from "./meter-errors.js";
import { TraceSampler, inOutage, type PowerTrace } from "./power-trace.js";

export interface SimulatedMeterOptions {
  readonly name: string;
  readonly channel: string;
  readonly trace: PowerTrace;
  readonly clock: Clock;
}

export class SimulatedMeter implements PowerMeter {
  private readonly sampler: TraceSampler;
  private originS = 0;

  constructor(private readonly options: SimulatedMeterOptions) {
    this.sampler = new TraceSampler(options.trace);
  }

  get name(): string {
    return this.options.name;
  }

  open(): Promise<void> {
    this.originS = this.options.clock.monotonicS();
    return Promise.resolve();
  }

  read(): Promise<readonly MeterReading[]> {
    const elapsedS = this.options.clock.monotonicS() - this.originS;
    const outage = inOutage(this.options.trace, elapsedS);
    if (outage !== undefined) {
      return Promise.reject(meterError(MeterErrorCode.readFailed, this.name, `simulated outage from ${outage.fromS} s to ${outage.toS} s`, { context: { elapsedS } }));
    }
    return Promise.resolve([{ channel: this.options.channel, powerW: this.sampler.powerW(elapsedS) }]);
  }
}
