import { randomInt } from "node:crypto";
import type { Clock } from "../../../../common/clock.js";
import { AsyncEventHub, TrexEvent } from "./async-events.js";
import { CounterLedger } from "./counter-ledger.js";
import { EmulatedPort } from "./emulated-port.js";

/**
 * The whole emulated TRex server state that commands act on: API handler, ports, event queues and
 * counters, plus the simulated device traffic passes through. Time is the injected clock's
 * monotonic seconds (TRex's now_sec()); transitions that real TRex makes on its own (a duration
 * running out) are applied lazily by sync(), which every command and the publisher tick call first.
 */

/** What the emulator needs from a simulated device (common/devices): one trial's counts. */
export interface ForwardingDevice {
  trial(loadPps: number, durationS: number): { readonly offeredCount: number; readonly lostCount: number };
}

export interface EmulatedTrexConfig {
  readonly portCount: number;
  readonly portSpeedGbps: number;
  /** Highest rate one port's DP cores sustain; above it the schedule stretches. */
  readonly maxTxPps: number;
  /** Delay from start_traffic to the first packet (DP cores do not all start at once). */
  readonly startupDelayS: number;
  /** Device latency: packets reach the peer port this long after they leave. */
  readonly deviceLatencyS: number;
  readonly dpCoresPerPort: number;
  readonly hostname: string;
  readonly device: ForwardingDevice;
  readonly clock: Clock;
}

export const stlApi = Object.freeze({ name: "STL", major: 5, minor: 1 });
export const trexVersion = "v3.08";

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** utl_generate_random_str(8): API handlers and port handlers. */
export function randomToken(length = 8): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

function mac(port: number): string {
  return `02:00:00:00:00:${(port + 1).toString(16).padStart(2, "0")}`;
}

export class EmulatedTrex {
  readonly apiHandler = randomToken();
  readonly ports: readonly EmulatedPort[];
  readonly events: AsyncEventHub;
  readonly ledger: CounterLedger;
  readonly startedAtWallMs: number;

  constructor(
    readonly config: EmulatedTrexConfig,
    onTrigger: () => void,
  ) {
    const { portCount, portSpeedGbps, clock } = config;
    this.ports = Array.from({ length: portCount }, (_, id) => new EmulatedPort(id, portSpeedGbps, mac(id), mac(id ^ 1)));
    this.events = new AsyncEventHub(portCount, () => clock.monotonicS(), onTrigger);
    this.ledger = new CounterLedger(portCount, config.deviceLatencyS);
    this.startedAtWallMs = clock.wallMs();
  }

  nowS(): number {
    return this.config.clock.monotonicS();
  }

  port(portId: number): EmulatedPort {
    const port = this.ports[portId];
    if (!port) throw new RangeError(`no port ${portId}`);
    return port;
  }

  /** The port that receives what `portId` sends through the device (TRex's dual-port pairs). */
  peerOf(portId: number): number {
    const peer = portId ^ 1;
    return peer < this.ports.length ? peer : -1;
  }

  /** Apply what happened since the last call: schedules that completed, settled counters. */
  sync(): void {
    const now = this.nowS();
    for (const port of this.ports) {
      let finished = false;
      for (const profile of port.profiles.values()) {
        if (profile.state !== "TX" || !profile.run || profile.run.naturalEndS > now) continue;
        profile.state = "STREAMS";
        finished = true;
        this.events.publish(TrexEvent.profileFinishedTx, { port_id: port.portId, profile_id: profile.profileId });
      }
      if (finished) port.updateAndPublishState(this.events, true);
    }
    this.ledger.settle(now);
  }
}
