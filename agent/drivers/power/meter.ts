/**
 * A power meter as the poller sees it. One instance per stream (energy meters keep the previous
 * counter value). Drivers: hwmon, RAPL powercap, IPMI DCMI, Xilinx XRT, a generic command, simulated.
 */

/** One channel's power at one read. */
export interface MeterReading {
  /** e.g. "Board Power", "package-0", "0000:b3:00.1.vccint". */
  readonly channel: string;
  readonly powerW: number;
}

export interface PowerMeter {
  /** The meter's name in agent.yaml. */
  readonly name: string;
  /** Check that the meter is there (paths, binaries) and take a baseline; throws a coded MeterError. */
  open(signal: AbortSignal): Promise<void>;
  /** One read: a reading per channel; empty while an energy counter has no previous value yet. Throws a coded MeterError. */
  read(signal: AbortSignal): Promise<readonly MeterReading[]>;
  /** Release what open() took (temporary files); optional. */
  close?(): Promise<void>;
}

/** Shortest poll interval, seconds: file-based meters (sysfs, simulated) and command-based ones. */
export const MIN_INTERVAL_S = Object.freeze({ file: 0.001, command: 0.05 });
