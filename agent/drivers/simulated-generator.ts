/**
 * A TrafficGenerator backed by a simulated device (common/devices): the same start+sleep+stop shape
 * as the TRex driver, with the traffic replaced by device.trial(). It sleeps for the trial duration
 * on the injected Clock, so trials take real time under the system clock and none under a VirtualClock.
 */
import type { Clock } from "../../common/clock.js";
import type { SimulatedDevice } from "../../common/devices/index.js";
import { intendedCountFor } from "../../common/wire/trial-counts.js";
import type { DirectionCounters, GeneratorTrialOutcome, GeneratorTrialRequest, TrafficGenerator } from "./traffic-generator.js";

export interface SimulatedGeneratorOptions {
  /** One device for all directions; each direction is one device trial (advancing its random stream). */
  readonly device: SimulatedDevice;
  readonly clock: Clock;
}

/** (tx, rx) for every pair of `ports`, and (rx, tx) too when bidirectional. */
export function directionsOf(ports: readonly number[], bidirectional: boolean): Array<readonly [number, number]> {
  const directions: Array<readonly [number, number]> = [];
  for (let index = 0; index + 1 < ports.length; index += 2) {
    const tx = ports[index] as number;
    const rx = ports[index + 1] as number;
    directions.push([tx, rx]);
    if (bidirectional) directions.push([rx, tx]);
  }
  return directions;
}

export class SimulatedGenerator implements TrafficGenerator {
  private readonly device: SimulatedDevice;
  private readonly clock: Clock;

  constructor(options: SimulatedGeneratorOptions) {
    this.device = options.device;
    this.clock = options.clock;
  }

  async runTrial(request: GeneratorTrialRequest, signal?: AbortSignal): Promise<GeneratorTrialOutcome> {
    signal?.throwIfAborted();
    const startedS = this.clock.monotonicS();
    // Timers may fire a little early against the monotonic clock: sleep until the duration has passed.
    const untilS = startedS + request.durationS;
    for (let leftS = request.durationS; leftS > 0; leftS = untilS - this.clock.monotonicS()) await this.clock.sleep(leftS, signal);
    const offeredDurationS = this.clock.monotonicS() - startedS;
    const directions: DirectionCounters[] = directionsOf(request.ports, request.bidirectional).map(([txPort, rxPort]) => {
      const counts = this.device.trial(request.loadPps, request.durationS);
      return Object.freeze({
        txPort,
        rxPort,
        intendedCount: intendedCountFor(request.durationS, request.loadPps, counts.offeredCount),
        txPackets: counts.offeredCount,
        rxPackets: counts.offeredCount - counts.lostCount,
      });
    });
    return Object.freeze({
      directions: Object.freeze(directions),
      offeredDurationS,
      durationWithOverheadsS: this.clock.monotonicS() - startedS,
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
