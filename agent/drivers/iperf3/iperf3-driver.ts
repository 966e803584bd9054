/**
 * The iperf3 driver: one per agent, with the binary from agent.yaml. It probes the version once
 * (to choose between --json-stream and text) and starts servers and clients.
 */
import type { Clock } from "../../../common/clock.js";
import type { WallClockNs } from "../../../common/wire/wall-clock-ns.js";
import type { IperfIntervalData } from "./iperf-data.js";
import type { IperfOptions } from "./iperf-options.js";
import { startIperfProcess, type IperfProcess } from "./iperf-process.js";
import { chooseOutputMode, probeIperfVersion, type IperfVersion } from "./iperf-version.js";

export interface Iperf3DriverOptions {
  /** Path or name on PATH (default "iperf3"). */
  readonly binary: string;
  readonly clock: Clock;
  readonly wallClockNs: WallClockNs;
  /** SIGINT to SIGKILL when stopping, seconds. */
  readonly stopGraceS: number;
  /** Longest wait for a server to listen or a client to connect, seconds. */
  readonly startTimeoutS: number;
}

export class Iperf3Driver {
  private version: Promise<IperfVersion> | undefined;

  constructor(readonly options: Iperf3DriverOptions) {}

  /** The installed iperf3's version (probed once; a failed probe is retried next time). */
  probeVersion(signal?: AbortSignal): Promise<IperfVersion> {
    if (this.version === undefined) {
      const probing = probeIperfVersion(this.options.binary, 5, signal);
      this.version = probing;
      probing.catch(() => {
        if (this.version === probing) this.version = undefined;
      });
    }
    return this.version;
  }

  /** Start a server or client; resolves once it runs, rejects with IPERF_* when it cannot. */
  async start(options: IperfOptions, onInterval: (interval: IperfIntervalData, atUnixNs: bigint) => void, signal: AbortSignal): Promise<IperfProcess> {
    const version = await this.probeVersion(signal);
    const mode = chooseOutputMode(options.output, version, this.options.binary);
    return startIperfProcess({
      binary: this.options.binary,
      options,
      mode,
      version,
      clock: this.options.clock,
      wallClockNs: this.options.wallClockNs,
      onInterval,
      signal,
      stopGraceS: this.options.stopGraceS,
      startTimeoutS: this.options.startTimeoutS,
    });
  }
}
